package org.gongkai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gongkai.catalog.EditionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowStepTests {

  private static final Map<WorkflowStep, Set<EditionState>> LEGAL =
      Map.of(
          WorkflowStep.SUBMIT, Set.of(EditionState.DRAFT),
          WorkflowStep.APPROVE, Set.of(EditionState.SUBMITTED),
          WorkflowStep.REJECT,
              Set.of(EditionState.SUBMITTED, EditionState.APPROVED, EditionState.SCHEDULED),
          WorkflowStep.SCHEDULE, Set.of(EditionState.APPROVED),
          WorkflowStep.PUBLISH, Set.of(EditionState.APPROVED, EditionState.SCHEDULED),
          WorkflowStep.WITHDRAW, Set.of(EditionState.PUBLISHED));

  static Stream<Arguments> everyStepFromEveryState() {
    return Stream.of(WorkflowStep.values())
        .flatMap(step -> Stream.of(EditionState.values()).map(state -> Arguments.of(step, state)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyStepFromEveryState")
  void allowsOnlyTheLegalTransitions(WorkflowStep step, EditionState from) {
    assertThat(step.allowedFrom(from)).isEqualTo(LEGAL.get(step).contains(from));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyStepFromEveryState")
  void neverLeavesAPublishedOrWithdrawnEditionInAPrePublicationState(
      WorkflowStep step, EditionState from) {
    if ((from == EditionState.PUBLISHED
            || from == EditionState.WITHDRAWN
            || from == EditionState.SUPERSEDED)
        && step.allowedFrom(from)) {
      assertThat(step.target().isPrePublication()).isFalse();
    }
  }
}
