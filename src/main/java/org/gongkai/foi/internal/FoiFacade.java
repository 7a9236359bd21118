package org.gongkai.foi.internal;

import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.foi.InformationRequests;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.springframework.stereotype.Component;

/**
 * The steps other modules may drive, each through the same intake, commands and queries as the
 * console.
 */
@Component
class FoiFacade implements InformationRequests {

  private final RequestIntake intake;
  private final RequestCommands commands;
  private final PeriodSteps periods;
  private final RequestQueries queries;

  FoiFacade(
      RequestIntake intake, RequestCommands commands, PeriodSteps periods, RequestQueries queries) {
    this.intake = intake;
    this.commands = commands;
    this.periods = periods;
    this.queries = queries;
  }

  @Override
  public Acknowledgement enter(
      Application form, IntakeChannel channel, LocalDate receivedOn, Staff actor) {
    return intake.enter(form, channel, receivedOn, null, actor);
  }

  @Override
  public long idOf(String trackingCode) {
    return queries.idOf(trackingCode);
  }

  @Override
  public void assign(long requestId, long staffId, Staff actor) {
    commands.assign(requestId, staffId, actor);
  }

  @Override
  public void startConsultation(long requestId, String party, LocalDate sentOn, Staff actor) {
    periods.consult(requestId, party, null, null, StepDates.StepDate.on(sentOn), actor);
  }

  @Override
  public void reply(long requestId, Outcome outcome, String explanation, Staff actor) {
    commands.reply(requestId, outcome, explanation, StepDates.StepDate.on(null), actor);
  }

  @Override
  public Workload workload(Staff actor) {
    return queries.workload(actor);
  }
}
