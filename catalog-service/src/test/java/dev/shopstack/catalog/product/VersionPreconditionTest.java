package dev.shopstack.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** If-Match against a product's version, which is its ETag. */
class VersionPreconditionTest {

    @Test
    void theETagIsTheQuotedVersion() {
        assertThat(VersionPrecondition.etag(3)).isEqualTo("\"3\"");
        assertThat(VersionPrecondition.etag(0)).isEqualTo("\"0\"");
    }

    @Test
    void withoutIfMatchAWriteAppliesToTheCurrentVersion() {
        assertThat(new VersionPrecondition(null).allows(7)).isTrue();
        assertThat(new VersionPrecondition("").allows(7)).isTrue();
        assertThat(new VersionPrecondition("  ").allows(7)).isTrue();
    }

    @Test
    void aWriteBasedOnTheCurrentVersionPassesAndOneBasedOnAStaleReadFails() {
        var seenVersionThree = new VersionPrecondition("\"3\"");

        assertThat(seenVersionThree.allows(3)).isTrue();
        assertThat(seenVersionThree.allows(4))
                .as("someone wrote since the read")
                .isFalse();
        assertThat(seenVersionThree.allows(2)).isFalse();
    }

    @Test
    void anyTagOfAListMayMatch() {
        assertThat(new VersionPrecondition("\"1\", \"3\"").allows(3)).isTrue();
        assertThat(new VersionPrecondition("\"1\",\"3\"").allows(1)).isTrue();
        assertThat(new VersionPrecondition("\"1\", \"3\"").allows(2)).isFalse();
    }

    @Test
    void aStarMatchesWhateverTheVersion() {
        assertThat(new VersionPrecondition("*").allows(42)).isTrue();
    }

    @Test
    void weakAndUnquotedTagsNeverMatch() {
        assertThat(new VersionPrecondition("W/\"3\"").allows(3))
                .as("If-Match compares strongly")
                .isFalse();
        assertThat(new VersionPrecondition("3").allows(3))
                .as("an entity tag is quoted")
                .isFalse();
        assertThat(new VersionPrecondition("\"03\"").allows(3)).isFalse();
    }
}
