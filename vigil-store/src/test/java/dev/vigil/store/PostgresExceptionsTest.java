package dev.vigil.store;

/** The exceptions contract on a real PostgreSQL server. */
class PostgresExceptionsTest extends ExceptionsContractTest {
    @Override
    StoreFixture fixture() {
        return new PostgresFixture();
    }
}
