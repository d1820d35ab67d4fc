package dev.vigil.aws.live;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An API call that did not answer: denied, throttled past its retries, timed out, or refused by
 * the endpoint. It names the IAM action and the error code so that a person can fix the policy or
 * the network, and it is the only exception a collector lets escape.
 *
 * @see CollectContext#call
 */
public final class ApiFailure extends RuntimeException {
    private final String action;
    private final String code;
    private final boolean timeout;

    public ApiFailure(String action, String code, String message, boolean timeout, Throwable cause) {
        super(action + " failed: " + code + (message == null || message.isBlank() ? "" : " (" + oneLine(message) + ")"), cause);
        this.action = action;
        this.code = code;
        this.timeout = timeout;
    }

    /** Classifies an SDK exception. */
    public static ApiFailure of(String action, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() != null && ase.awsErrorDetails().errorCode() != null
                    ? ase.awsErrorDetails().errorCode() : "HTTP " + ase.statusCode();
            String message = ase.awsErrorDetails() != null ? ase.awsErrorDetails().errorMessage() : ase.getMessage();
            return new ApiFailure(action, code, message, false, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new ApiFailure(action, "Timeout", e.getMessage(), true, e);
        }
        if (e instanceof SdkClientException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            boolean io = root instanceof java.io.IOException;
            return new ApiFailure(action, io ? "EndpointUnreachable" : "ClientError", root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getMessage(), io, e);
        }
        return new ApiFailure(action, e.getClass().getSimpleName(), e.getMessage(), false, e);
    }

    /** The IAM action that failed, e.g. {@code s3:GetEncryptionConfiguration}. */
    public String action() {
        return action;
    }

    /** AWS's error code ({@code AccessDenied}, {@code ThrottlingException}) or ours ({@code Timeout}, {@code EndpointUnreachable}). */
    public String code() {
        return code;
    }

    /** True when the endpoint did not answer in time or at all: the unit stops calling it. */
    public boolean unreachable() {
        return timeout;
    }

    /** True for the codes AWS uses when a policy denies the call. */
    public boolean denied() {
        return code.equals("AccessDenied") || code.equals("AccessDeniedException") || code.equals("UnauthorizedOperation")
                || code.equals("AuthorizationError") || code.equals("UnauthorizedAccess") || code.equals("HTTP 403");
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ').strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
