package dev.shopstack.sandbox.api;

import java.util.Set;

/**
 * The paging and time filter every Stripe list takes: {@code limit} (1 to 100, default 10), the cursors
 * {@code starting_after} / {@code ending_before} (an object id), and {@code created} as a timestamp or as
 * {@code created[gt|gte|lt|lte]}.
 */
public record ListParams(
        int limit,
        String startingAfter,
        String endingBefore,
        Long createdGt,
        Long createdGte,
        Long createdLt,
        Long createdLte) {

    public static final Set<String> NAMES = Set.of("limit", "starting_after", "ending_before", "created", "expand");

    public static ListParams from(FormParams params) {
        Long limit = params.integer("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeApiException.invalid(
                    "limit",
                    "parameter_invalid_integer",
                    "This value must be between 1 and 100 (it currently is " + limit + ").");
        }
        String after = params.string("starting_after", 64);
        String before = params.string("ending_before", 64);
        if (after != null && before != null) {
            throw StripeApiException.invalid(
                    "ending_before",
                    null,
                    "You may only specify one of these parameters: ending_before, starting_after.");
        }
        Long gt = null;
        Long gte = null;
        Long lt = null;
        Long lte = null;
        if (params.isHash("created")) {
            FormParams created = params.hash("created").allowOnly(Set.of("gt", "gte", "lt", "lte"));
            gt = created.integer("gt");
            gte = created.integer("gte");
            lt = created.integer("lt");
            lte = created.integer("lte");
        } else if (params.has("created")) {
            gte = params.integer("created");
            lte = gte;
        }
        return new ListParams(limit == null ? 10 : limit.intValue(), after, before, gt, gte, lt, lte);
    }
}
