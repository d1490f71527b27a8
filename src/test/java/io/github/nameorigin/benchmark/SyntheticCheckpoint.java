package io.github.nameorigin.benchmark;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBaseBlock;
import ai.djl.nn.Block;
import io.github.nameorigin.model.CheckpointMetadata;
import io.github.nameorigin.model.NameBatch;
import io.github.nameorigin.model.NetworkFactory;
import io.github.nameorigin.model.NetworkSpec;
import io.github.nameorigin.model.TestNetworks;
import io.github.nameorigin.model.Vocabulary;
import io.github.nameorigin.system.NameOriginProperties;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an untrained (randomly initialised) checkpoint of a chosen architecture, for measuring
 * serving speed and memory before a trained checkpoint of that size exists: speed does not depend
 * on the weights. Its predictions are meaningless.
 *
 * <p>Usage: {@code SyntheticCheckpoint <template-checkpoint> <out-dir> <hidden> <bidirectional>
 * <ngram-buckets> [members] [architecture]} (architecture {@code lstm}, the default, or
 * {@code gru}); the vocabulary, origins and temperature come from the template.
 */
public final class SyntheticCheckpoint {

    private SyntheticCheckpoint() {
    }

    /**
     * Writes the checkpoint.
     *
     * @param args template dir, output dir, hidden size, bidirectional, n-gram buckets, members,
     *             architecture
     * @throws Exception when reading or writing fails
     */
    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]);
        Path out = Path.of(args[1]);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        CheckpointMetadata base = json.readValue(template.resolve("metadata.json").toFile(), CheckpointMetadata.class);
        String cell = args.length > 6 ? args[6] : "lstm";
        NetworkSpec architecture = TestNetworks.spec(cell, Integer.parseInt(args[2]), 64,
                1, Boolean.parseBoolean(args[3]), 0.3f, Integer.parseInt(args[4]), 64,
                args.length > 5 ? Integer.parseInt(args[5]) : 1);
        CheckpointMetadata metadata = new CheckpointMetadata(base.formatVersion(), architecture, base.vocabulary(),
                base.origins(), base.temperature(), base.calibration(), "synthetic (untrained, for speed tests only)", 0, 0,
                base.validation(), base.refit(), Instant.now());
        Files.createDirectories(out);
        try (Model model = NetworkFactory.model(architecture, new Vocabulary(base.vocabulary()).size(),
                base.origins().size())) {
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, NameBatch.initShapes());
            initializeShapeless(model.getBlock(), model);
            model.save(out, "name-origin");
        }
        byte[] params = Files.readAllBytes(out.resolve("name-origin-0000.params"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(params));
        Files.writeString(out.resolve("name-origin-0000.params.sha256"), sha + "\n");
        json.writeValue(out.resolve("metadata.json").toFile(), metadata);
        System.out.println("wrote " + out + " (" + params.length / 1024 + " KB of parameters)");
    }

    /**
     * Parameterless children the parent never initialises (such as a dropout) have no input
     * shapes, and DJL refuses to save a block then; give them a nominal one.
     */
    private static void initializeShapeless(Block block, Model model) throws ReflectiveOperationException {
        for (Block child : block.getChildren().values()) {
            if (child instanceof AbstractBaseBlock base) {
                Field shapes = AbstractBaseBlock.class.getDeclaredField("inputShapes");
                shapes.setAccessible(true);
                if (shapes.get(base) == null) {
                    child.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1));
                }
            }
            initializeShapeless(child, model);
        }
    }
}
