package com.klinecast.training.model;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batch training with a validation set and early stopping, of an LSTM or (the same loop, another
 * {@link Architecture}) an MLP.
 *
 * <p>Deterministic: the same data, spec and seed give bit-identical weights, provided ND4J runs single-threaded
 * ({@code OMP_NUM_THREADS=1}; the training job and the tests set it, and on 2 cores it is also much the fastest).
 * Every source of randomness is seeded from {@link LstmSpec#seed()}: weight initialisation (the network
 * configuration), dropout masks (ND4J's random generator, re-seeded here because other code on this thread may have
 * drawn from it since the network was initialised) and the per-epoch shuffle (a {@link Random} of our own, so the
 * order does not depend on ND4J's generator).
 */
public final class LstmTrainer {

    /** Validation windows per inference call: bounds memory, does not change the result. */
    private static final int EVAL_BATCH = 512;

    private final TrainingOptions options;

    public LstmTrainer(TrainingOptions options) {
        this.options = options;
    }

    public TrainingResult train(LstmSpec spec, TrainingSet train, TrainingSet validation, EpochListener listener) {
        return train(Architecture.LSTM, spec, train, validation, listener);
    }

    public TrainingResult train(Architecture architecture, LstmSpec spec, TrainingSet train, TrainingSet validation,
            EpochListener listener) {
        train.requireShape(spec.window(), spec.inputFeatures(), spec.outputs());
        validation.requireShape(spec.window(), spec.inputFeatures(), spec.outputs());

        MultiLayerNetwork network = architecture.build(spec);
        Nd4j.getRandom().setSeed(spec.seed());
        Random shuffle = new Random(spec.seed());
        int n = train.size();
        int[] order = Nd4jArrays.identity(n);

        INDArray best = network.params().dup();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        boolean stoppedEarly = false;
        while (epoch < options.epochs()) {
            epoch++;
            long start = System.nanoTime();
            shuffle(order, shuffle);
            double lossSum = 0;
            for (int from = 0; from < n; from += options.batchSize()) {
                int to = Math.min(n, from + options.batchSize());
                network.fit(new DataSet(architecture.windows(train.x(), order, from, to),
                        Nd4jArrays.targets(train.y(), order, from, to)));
                lossSum += network.score() * (to - from);
            }
            double validationLoss = meanSquaredError(architecture, network, validation);
            listener.onEpoch(epoch, lossSum / n, validationLoss, (System.nanoTime() - start) / 1e9);

            if (validationLoss < bestLoss) { // NaN never counts as better
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best.assign(network.params());
            } else if (epoch - bestEpoch >= options.patience()) {
                stoppedEarly = epoch < options.epochs();
                break;
            }
        }
        network.setParams(best);
        return new TrainingResult(network, bestEpoch, bestLoss, epoch, stoppedEarly);
    }

    /** MSE over every output of every window, dropout off: the loss DL4J's MSE output layer minimises. */
    public static double meanSquaredError(MultiLayerNetwork network, TrainingSet data) {
        return meanSquaredError(Architecture.LSTM, network, data);
    }

    public static double meanSquaredError(Architecture architecture, MultiLayerNetwork network, TrainingSet data) {
        int n = data.size();
        int[] order = Nd4jArrays.identity(n);
        double sum = 0;
        long count = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            float[][] predicted = network.output(architecture.windows(data.x(), order, from, to), false)
                    .toFloatMatrix();
            for (int i = from; i < to; i++) {
                float[] target = data.y()[i];
                for (int o = 0; o < target.length; o++) {
                    double e = (double) predicted[i - from][o] - target[o];
                    sum += e * e;
                    count++;
                }
            }
        }
        return sum / count;
    }

    /** Fisher-Yates, so the order depends only on the generator's seed. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
