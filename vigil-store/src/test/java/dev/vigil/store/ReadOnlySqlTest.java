package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadOnlySqlTest {
    @Test
    void one_select_or_with_passes_without_its_trailing_semicolon() {
        assertThat(ReadOnlySql.check("SELECT 1")).isEqualTo("SELECT 1");
        assertThat(ReadOnlySql.check("  select * from v_findings ;  -- done\n")).isEqualTo("select * from v_findings");
        assertThat(ReadOnlySql.check("WITH x AS (SELECT 1 AS a) SELECT a FROM x;;")).isEqualTo("WITH x AS (SELECT 1 AS a) SELECT a FROM x");
        assertThat(ReadOnlySql.check("-- open ones\nSELECT * FROM v_findings WHERE is_open = 1")).endsWith("is_open = 1");
    }

    @Test
    void semicolons_and_keywords_inside_literals_comments_and_quotes_are_text() {
        String sql = "SELECT 'a;b', 'it''s; DELETE FROM x', \"update\", /* ; drop table */ $$ ; insert $$, $t$;$t$ FROM v_results";
        assertThat(ReadOnlySql.check(sql)).isEqualTo(sql);
        assertThat(ReadOnlySql.check("SELECT replace(rule_id, 'aws-', '') AS r FROM v_findings")).contains("replace(");
    }

    @Test
    void anything_but_one_reading_statement_is_refused_with_one_line() {
        assertThatThrownBy(() -> ReadOnlySql.check("INSERT INTO scans VALUES (1)"))
                .hasMessage("only a SELECT or WITH statement may be run; this one starts with INSERT");
        assertThatThrownBy(() -> ReadOnlySql.check("update findings set status = 'RESOLVED'"))
                .hasMessage("only a SELECT or WITH statement may be run; this one starts with UPDATE");
        assertThatThrownBy(() -> ReadOnlySql.check("DELETE FROM findings")).hasMessageEndingWith("starts with DELETE");
        assertThatThrownBy(() -> ReadOnlySql.check("DROP TABLE findings")).hasMessageEndingWith("starts with DROP");
        assertThatThrownBy(() -> ReadOnlySql.check("SELECT 1; SELECT 2")).hasMessage("only one statement may be given; found 2");
        assertThatThrownBy(() -> ReadOnlySql.check("SELECT 1; DROP TABLE findings; --")).hasMessage("only one statement may be given; found 2");
        assertThatThrownBy(() -> ReadOnlySql.check("WITH d AS (DELETE FROM findings RETURNING *) SELECT * FROM d"))
                .hasMessage("only reading is allowed; the query contains DELETE");
        assertThatThrownBy(() -> ReadOnlySql.check("SELECT * INTO copy FROM findings")).hasMessage("only reading is allowed; the query contains INTO");
        assertThatThrownBy(() -> ReadOnlySql.check("   ")).hasMessage("empty query: give one SELECT or WITH statement");
        assertThatThrownBy(() -> ReadOnlySql.check("-- nothing\n;")).hasMessage("empty query: give one SELECT or WITH statement");
        assertThatThrownBy(() -> ReadOnlySql.check("SELECT 'open")).hasMessage("unterminated string literal in the query");
        assertThatThrownBy(() -> ReadOnlySql.check("VALUES (1)")).hasMessageEndingWith("starts with VALUES");
        assertThatThrownBy(() -> ReadOnlySql.check("'x'")).hasMessage("only a SELECT or WITH statement may be run; this one starts with '\''");
    }
}
