package org.custos.core.detector;

import java.util.List;
import java.util.Set;
import org.custos.core.baseline.DailyCount;
import org.custos.core.event.EmailMessage;
import org.custos.core.event.Event;
import org.custos.core.event.EventKind;
import org.custos.core.event.Urls;
import org.custos.core.event.WebVisit;
import org.custos.core.indicator.Category;
import org.custos.core.indicator.Indicator;

/**
 * Raises {@code job-search} when a person's job searching today is new or far above their usual: visits to job
 * boards, pages whose words are about jobs, and mail to outside addresses about positions, interviews or a
 * résumé (soliciting a competitor). Occasional browsing that is usual for the person raises nothing.
 */
final class JobSearchDetector implements Detector<DailyCount> {

    static final Indicator INDICATOR = new Indicator("job-search", Category.CONCERNING_BEHAVIOUR,
            "Job searching or soliciting employment, new or far above the person's usual.", 6);

    @Override
    public Indicator indicator() {
        return INDICATOR;
    }

    @Override
    public Set<EventKind> kinds() {
        return Set.of(EventKind.HTTP, EventKind.EMAIL);
    }

    @Override
    public DailyCount newState() {
        return new DailyCount();
    }

    @Override
    public void observe(Event event, DailyCount count, Person person, SignalSink sink) {
        Vocabulary words = person.org().vocabulary();
        boolean jobRelated;
        if (event instanceof WebVisit visit) {
            jobRelated = words.isJobSite(person.org().domainOf(visit), visit.url())
                    || words.jobWordCount(visit.content()) >= 3;
        } else {
            EmailMessage mail = (EmailMessage) event;
            jobRelated = mail.action() == EmailMessage.Action.SEND && sentOutside(mail, person)
                    && words.jobWordCount(mail.content()) >= 2;
        }
        if (!jobRelated) {
            return;
        }
        count.add(person.today(), 1);
        RateCheck.Outcome outcome = RateCheck.check(count, person, 1, "job-search pages or mails", 2, 4, true);
        if (outcome.fired()) {
            sink.accept(new Signal(person.user(), INDICATOR, event.time(), INDICATOR.weight() * outcome.factor(),
                    List.of(event.id()), outcome.why()));
        }
    }

    private static boolean sentOutside(EmailMessage mail, Person person) {
        return mail.recipients().stream().anyMatch(a -> !person.org().isWorkDomain(Urls.mailDomain(a)));
    }
}
