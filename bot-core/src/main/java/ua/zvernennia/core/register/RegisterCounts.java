package ua.zvernennia.core.register;

import java.util.Map;

/**
 * What the register counts over the appeals received in a period, as the database holds them;
 * the council's report and the statistics turn it into shares and subtotals. Every map is by
 * code, with only the codes that occur; {@code null} keys (an unclassified appeal) are counted
 * under {@link #UNKNOWN}.
 *
 * @param questionsByTopic     questions raised, by topic: the appeals' own questions, and for
 *                             an appeal without any, one question of its direction's topic
 * @param signatories          signatories of the collective appeals, added up
 * @param citizenCategories    appeals by category of their author (one appeal may count under
 *                             several)
 * @param closedOnTime         closed at or before the legal deadline
 * @param closedLate           closed after the legal deadline
 * @param openOverdue          still open past the legal deadline
 * @param openInTime           still open, the legal deadline not yet passed
 */
public record RegisterCounts(
        long appeals,
        Map<String, Long> byChannel,
        Map<String, Long> questionsByTopic,
        Map<String, Long> byType,
        Map<String, Long> byForm,
        long signatories,
        Map<String, Long> bySign,
        Map<String, Long> citizenCategories,
        Map<String, Long> byOutcome,
        long closed,
        long closedOnTime,
        long closedLate,
        long openOverdue,
        long openInTime) {
    public static final String UNKNOWN = "unclassified";

    public RegisterCounts {
        byChannel = Map.copyOf(byChannel);
        questionsByTopic = Map.copyOf(questionsByTopic);
        byType = Map.copyOf(byType);
        byForm = Map.copyOf(byForm);
        bySign = Map.copyOf(bySign);
        citizenCategories = Map.copyOf(citizenCategories);
        byOutcome = Map.copyOf(byOutcome);
    }

    public long questions() {
        return questionsByTopic.values().stream().mapToLong(Long::longValue).sum();
    }
}
