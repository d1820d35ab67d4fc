package dev.vigil.model.input;

import java.util.List;
import java.util.Map;

/**
 * How a live collection went: who scanned, where, and what it cost the provider's APIs.
 *
 * @param account   the account scanned
 * @param principal the caller's ARN
 * @param regions   the regions scanned
 * @param apiCalls  API calls made (one per operation invoked, whatever its retries)
 * @param throttles attempts the provider throttled and the client absorbed by retrying
 * @param retries   attempts beyond the first, for any reason
 * @param services  per service: calls, errors and the time its work units took
 */
public record CollectionStats(String account, String principal, List<String> regions, long apiCalls, long throttles, long retries,
                              Map<String, ServiceStats> services) {

    public record ServiceStats(long units, long apiCalls, long errors, long millis) {
    }
}
