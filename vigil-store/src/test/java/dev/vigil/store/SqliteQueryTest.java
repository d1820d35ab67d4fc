package dev.vigil.store;

class SqliteQueryTest extends QueryContractTest {
    @Override
    StoreFixture fixture() {
        return new SqliteFixture();
    }
}
