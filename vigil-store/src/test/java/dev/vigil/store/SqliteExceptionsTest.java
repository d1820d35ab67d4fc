package dev.vigil.store;

class SqliteExceptionsTest extends ExceptionsContractTest {
    @Override
    StoreFixture fixture() {
        return new SqliteFixture();
    }
}
