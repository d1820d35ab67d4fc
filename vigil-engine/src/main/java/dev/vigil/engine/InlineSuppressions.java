package dev.vigil.engine;

import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.InlineSuppression;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the {@code vigil:ignore} marks that IaC files carry to the results of their resources.
 * Only results that would need action (FAIL, ERROR, UNKNOWN) are marked; a PASS needs no
 * suppression. A mark past its expiry suppresses nothing and the result's reason says it expired,
 * so a forgotten suppression turns back into a failure that explains itself.
 */
final class InlineSuppressions {
    private final Map<String, List<InlineSuppression>> byResource = new HashMap<>();
    private final LocalDate today;

    InlineSuppressions(List<InlineSuppression> suppressions, Instant asOf) {
        for (InlineSuppression s : suppressions) byResource.computeIfAbsent(s.resourceId(), k -> new java.util.ArrayList<>()).add(s);
        this.today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    Result apply(Result r) {
        if (r.status() == Status.PASS || r.suppressed() != null || r.resourceId() == null) return r;
        List<InlineSuppression> marks = byResource.get(r.resourceId());
        if (marks == null) return r;
        InlineSuppression expired = null;
        for (InlineSuppression s : marks) {
            if (!s.matches(r.ruleId())) continue;
            if (s.activeOn(today)) {
                return r.suppressedBy(new Suppressed(Suppressed.By.INLINE, s.reason(), s.source(),
                        s.expires() == null ? "" : s.expires().toString()));
            }
            expired = s;
        }
        if (expired == null) return r;
        return r.withReason(r.reason() + " (the vigil:ignore at " + expired.source() + " expired on " + expired.expires()
                + ": " + expired.reason() + ")");
    }
}
