package dev.argus.verdict.library;

import dev.argus.verdict.evaluation.Classifier;
import dev.argus.verdict.evaluation.ClassifierTrainer;
import dev.argus.verdict.tree.Sample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

/**
 * Smile's CART tree (Gini impurity) over one-hot encoded answers: one 0/1 column per engine and answer seen in
 * the training fold. An answer the fold never showed sets no column.
 */
public final class SmileTreeTrainer implements ClassifierTrainer {

    /** How the comparison names this model. */
    public static final String NAME = "smileCart";

    private static final String TRUTH = "truth";
    private static final int MAX_NODES = 256;
    private static final int NODE_SIZE = 5;

    private final int maxDepth;

    public SmileTreeTrainer(int maxDepth) {
        this.maxDepth = Math.max(1, maxDepth);
    }

    @Override
    public Classifier train(List<Sample> training, List<String> engines) {
        Map<String, Integer> columns = columns(training, engines);
        double[][] x = new double[training.size()][];
        int[] y = new int[training.size()];
        for (int i = 0; i < training.size(); i++) {
            x[i] = encode(training.get(i), engines, columns);
            y[i] = training.get(i).malicious() ? 1 : 0;
        }
        DataFrame data = DataFrame.of(x, columns.keySet().toArray(String[]::new)).merge(IntVector.of(TRUTH, y));
        DecisionTree tree = DecisionTree.fit(Formula.lhs(TRUTH), data, SplitRule.GINI, maxDepth, MAX_NODES,
                NODE_SIZE);
        StructType schema = data.schema();
        return sample -> {
            double[] row = encode(sample, engines, columns);
            double[] withTruth = Arrays.copyOf(row, row.length + 1);
            return tree.predict(Tuple.of(withTruth, schema)) == 1;
        };
    }

    private static Map<String, Integer> columns(List<Sample> training, List<String> engines) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String engine : engines) {
            TreeSet<String> answers = new TreeSet<>();
            training.forEach(s -> answers.add(s.answer(engine)));
            answers.forEach(a -> columns.put(column(engine, a), columns.size()));
        }
        return columns;
    }

    private static double[] encode(Sample sample, List<String> engines, Map<String, Integer> columns) {
        double[] row = new double[columns.size()];
        for (String engine : engines) {
            Integer index = columns.get(column(engine, sample.answer(engine)));
            if (index != null) {
                row[index] = 1;
            }
        }
        return row;
    }

    private static String column(String engine, String answer) {
        return engine + "=" + answer;
    }
}
