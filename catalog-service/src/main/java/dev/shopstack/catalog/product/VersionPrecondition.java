package dev.shopstack.catalog.product;

import java.util.Arrays;

/**
 * A product's ETag is its version ({@code "3"}). A write with {@code If-Match} only applies to the version the
 * client has seen; without the header it applies to the current one (concurrent writes still fail with 409).
 */
record VersionPrecondition(String ifMatch) {

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    boolean allows(long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim) // strong comparison (RFC 9110): a weak W/"3" never matches
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag(version)));
    }
}
