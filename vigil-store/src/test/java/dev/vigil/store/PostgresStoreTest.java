package dev.vigil.store;

/** The store contract on a real PostgreSQL server. */
class PostgresStoreTest extends StoreContractTest {
    @Override
    StoreFixture fixture() {
        return new PostgresFixture();
    }
}
