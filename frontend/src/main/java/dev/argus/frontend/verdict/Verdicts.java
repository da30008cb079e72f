package dev.argus.frontend.verdict;

import dev.argus.common.message.Category;
import dev.argus.frontend.model.CurrentModel;
import dev.argus.frontend.model.StoredModel;
import dev.argus.frontend.model.VerdictProperties;
import dev.argus.frontend.override.OverrideAction;
import dev.argus.frontend.override.OverrideBook;
import dev.argus.frontend.override.OverrideSet;
import dev.argus.frontend.override.VerdictOverride;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.verdict.evaluation.ThresholdRule;
import dev.argus.verdict.tree.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Judges a file from its per-engine answers, in memory: with the current model's tree when one exists, else by
 * counting detections with the {@link ThresholdRule}; then the overrides in force apply (an allow or block of the
 * file decides, a false positive turns that engine's detection into "undetected"), each named in the explanation.
 * Thread-safe.
 */
@Component
public class Verdicts {

    /** The method of a verdict an allow or block override decided. */
    public static final String OVERRIDE = "override";

    private final Supplier<Optional<StoredModel>> current;
    private final VerdictProperties properties;
    private final Predicate<String> describesOnly;
    private final Supplier<OverrideSet> overrides;

    @Autowired
    Verdicts(CurrentModel current, VerdictProperties properties, ProbeDirectory directory, OverrideBook overrides) {
        this(current::get, properties, directory::describesOnly, overrides);
    }

    /** Without overrides. */
    Verdicts(Supplier<Optional<StoredModel>> current, VerdictProperties properties,
             Predicate<String> describesOnly) {
        this(current, properties, describesOnly, () -> OverrideSet.EMPTY);
    }

    /**
     * @param describesOnly true for a probe whose engine only describes files (metadata): its "undetected" is
     *                      no clean vote in the threshold
     */
    Verdicts(Supplier<Optional<StoredModel>> current, VerdictProperties properties,
             Predicate<String> describesOnly, Supplier<OverrideSet> overrides) {
        this.current = current;
        this.properties = properties;
        this.describesOnly = describesOnly;
        this.overrides = overrides;
    }

    /**
     * The verdict on a file whose results are all in, from its answers by probe, with the overrides in force: an
     * allow or block of the file gives {@code clean} or {@code malicious} with method {@code override} and
     * confidence 1, its explanation naming who set it and why, then what the engines alone concluded; a false
     * positive of (probe, threat) counts that detection as {@code undetected} and says so first.
     */
    public Verdict judge(String sha256, Map<String, ? extends EngineAnswer> answers) {
        OverrideSet inForce = overrides.get();
        Map<String, Category> categories = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        answers.forEach((probe, answer) -> {
            Category category = answer.category();
            if (category == Category.MALICIOUS || category == Category.SUSPICIOUS) {
                Optional<VerdictOverride> falsePositive = inForce.falsePositive(probe, answer.result());
                if (falsePositive.isPresent()) {
                    dropped.add(falsePositive.get().explanation() + " (counted as undetected)");
                    category = Category.UNDETECTED;
                }
            }
            categories.put(probe, category);
        });
        Verdict engines = judge(categories);
        if (!dropped.isEmpty()) {
            dropped.addAll(engines.explanation());
            engines = new Verdict(engines.label(), engines.confidence(), engines.method(), dropped);
        }
        Optional<VerdictOverride> onFile = inForce.forFile(sha256);
        if (onFile.isEmpty()) {
            return engines;
        }
        List<String> explanation = new ArrayList<>();
        explanation.add(onFile.get().explanation());
        explanation.add("the engines alone: " + engines.label().wireName() + " (" + engines.method() + ")");
        explanation.addAll(engines.explanation());
        return new Verdict(onFile.get().action() == OverrideAction.ALLOW ? Verdict.Label.CLEAN
                : Verdict.Label.MALICIOUS, 1.0, OVERRIDE, explanation);
    }

    /** The verdict from the engines' categories by probe alone, without overrides. */
    public Verdict judge(Map<String, Category> categories) {
        if (categories.values().stream().noneMatch(Category::isConclusive)) {
            return new Verdict(Verdict.Label.UNKNOWN, 0, method(current.get()),
                    List.of("no engine reached a conclusion"));
        }
        Optional<StoredModel> model = current.get();
        return model.isPresent() ? byModel(model.get(), categories) : byThreshold(categories);
    }

    private Verdict byModel(StoredModel model, Map<String, Category> categories) {
        Map<String, String> answers = new LinkedHashMap<>();
        categories.forEach((probe, category) -> answers.put(probe, category.wireName()));
        Decision decision = model.model().tree().classify(answers);
        double p = decision.maliciousProbability();
        List<String> explanation = new ArrayList<>(decision.path());
        explanation.add(String.format(Locale.ROOT, "%d of %d training files like it were malicious",
                decision.counts().malicious(), decision.counts().total()));
        if (p >= properties.maliciousAt()) {
            return new Verdict(Verdict.Label.MALICIOUS, round(p), method(Optional.of(model)), explanation);
        }
        if (p <= properties.cleanAt()) {
            return new Verdict(Verdict.Label.CLEAN, round(1 - p), method(Optional.of(model)), explanation);
        }
        return new Verdict(Verdict.Label.SUSPICIOUS, round(p), method(Optional.of(model)), explanation);
    }

    /**
     * Malicious when the {@link ThresholdRule} says so for the detections among the engines that reached a
     * conclusion (the threshold, or a share of those engines when fewer suffice). An
     * engine that only describes files (metadata) counts when it flags the file, never as a clean vote: its
     * "undetected" says nothing about malice.
     */
    private Verdict byThreshold(Map<String, Category> all) {
        Map<String, Category> categories = new LinkedHashMap<>();
        List<String> notCounted = new ArrayList<>();
        all.forEach((probe, category) -> {
            if ((category == Category.UNDETECTED || category == Category.HARMLESS) && describesOnly.test(probe)) {
                notCounted.add(probe);
            } else {
                categories.put(probe, category);
            }
        });
        long conclusive = categories.values().stream().filter(Category::isConclusive).count();
        if (conclusive == 0) {
            return new Verdict(Verdict.Label.UNKNOWN, 0, "threshold",
                    List.of("no detection engine reached a conclusion (" + String.join(", ", notCounted)
                            + " only describe files)"));
        }
        long detections = categories.values().stream().filter(c -> c == Category.MALICIOUS).count();
        long flagged = detections + categories.values().stream().filter(c -> c == Category.SUSPICIOUS).count();
        List<String> explanation = new ArrayList<>();
        categories.forEach((probe, category) -> {
            if (category == Category.MALICIOUS || category == Category.SUSPICIOUS) {
                explanation.add(probe + "=" + category.wireName());
            }
        });
        long needed = properties.thresholdRule().needed(conclusive);
        explanation.add(String.format(Locale.ROOT, "%d of %d engines detect it (threshold %d)", detections,
                conclusive, needed));
        if (!notCounted.isEmpty()) {
            explanation.add("not counted, they only describe files: " + String.join(", ", notCounted));
        }
        if (properties.thresholdRule().malicious(detections, conclusive)) {
            return new Verdict(Verdict.Label.MALICIOUS, round(detections / (double) conclusive), "threshold",
                    explanation);
        }
        if (flagged > 0) {
            return new Verdict(Verdict.Label.SUSPICIOUS, round(flagged / (double) conclusive), "threshold",
                    explanation);
        }
        return new Verdict(Verdict.Label.CLEAN, 1.0, "threshold", explanation);
    }

    private static String method(Optional<StoredModel> model) {
        return model.map(m -> "model:" + m.id()).orElse("threshold");
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
