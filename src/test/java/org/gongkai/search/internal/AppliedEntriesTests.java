package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node's follower skips what its own indexer applied after the commit, and nothing else. */
class AppliedEntriesTests {

  private final AppliedEntries entries = new AppliedEntries(1_000);

  @Test
  void anEntryIndexedHereAfterItsCommitIsNotAppliedAgain() {
    entries.committedHere(10, 7);
    entries.indexedHere(7, entries.committedHereFor(7));
    assertThat(entries.claim(10, 7)).isFalse();
    assertThat(entries.committedHereFor(7)).isEmpty();
  }

  @Test
  void anEntryCommittedAfterTheIndexerReadTheDocumentIsStillApplied() {
    entries.committedHere(10, 7);
    Set<Long> readBefore = entries.committedHereFor(7);
    entries.committedHere(11, 7);
    entries.indexedHere(7, readBefore);
    assertThat(entries.claim(10, 7)).isFalse();
    assertThat(entries.claim(11, 7))
        .as("the indexer read the document before this change committed")
        .isTrue();
  }

  @Test
  void entriesFromOtherNodesAreAppliedOnceAndAgainAfterAFailure() {
    assertThat(entries.claim(20, 8)).isTrue();
    assertThat(entries.claim(20, 8)).isFalse();
    entries.release(20);
    assertThat(entries.claim(20, 8)).isTrue();
  }

  @Test
  void anIndexingThatFoundNoIndexLeavesTheEntriesToTheFollower() {
    entries.committedHere(30, 9);
    assertThat(entries.claim(30, 9)).isTrue();
    assertThat(entries.committedHereFor(9)).as("forgotten once the follower has it").isEmpty();
  }

  @Test
  void theMemoryOfAppliedEntriesIsBounded() {
    AppliedEntries small = new AppliedEntries(2);
    small.claim(1, 1);
    small.claim(2, 2);
    small.claim(3, 3);
    assertThat(small.claim(1, 1)).as("the oldest forgotten").isTrue();
    assertThat(small.claim(3, 3)).isFalse();
  }
}
