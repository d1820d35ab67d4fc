package dev.vigil.store;

/** The store contract on PostgreSQL; skipped unless {@code VIGIL_PG_URL} names a server. */
class PostgresStoreTest extends StoreContractTest {
    @Override
    StoreFixture fixture() {
        return new PostgresFixture();
    }
}
