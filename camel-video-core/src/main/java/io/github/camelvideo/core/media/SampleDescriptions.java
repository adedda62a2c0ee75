package io.github.camelvideo.core.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mp4parser.Box;
import org.mp4parser.boxes.iso14496.part1.objectdescriptors.AudioSpecificConfig;
import org.mp4parser.boxes.iso14496.part1.objectdescriptors.DecoderConfigDescriptor;
import org.mp4parser.boxes.iso14496.part14.ESDescriptorBox;
import org.mp4parser.boxes.sampleentry.AbstractSampleEntry;
import org.mp4parser.boxes.sampleentry.AudioSampleEntry;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/**
 * The distinct sample descriptions of joined clips. Descriptions that set up the decoder alike count as one:
 * encoders record each clip's bit rate in its description (the {@code btrt} box, fields of the {@code esds} box),
 * which would otherwise give every clip a description of its own, and some players use only the first.
 */
final class SampleDescriptions {

    private static final String BIT_RATE_BOX = "btrt";

    private final Map<SampleEntry, SampleEntry> shared = new IdentityHashMap<>();
    private final Map<String, SampleEntry> byDecoderSetup = new LinkedHashMap<>();

    SampleDescriptions(List<SampleEntry> entries) {
        entries.forEach(this::shared);
    }

    /** One description per decoder setup, in order of first use. */
    List<SampleEntry> distinct() {
        return List.copyOf(byDecoderSetup.values());
    }

    /** The description that stands for {@code entry}: the first one with the same decoder setup. */
    SampleEntry shared(SampleEntry entry) {
        return shared.computeIfAbsent(entry, e -> byDecoderSetup.computeIfAbsent(decoderSetup(e), setup -> e));
    }

    private static String decoderSetup(SampleEntry entry) {
        StringBuilder setup = new StringBuilder(entry.getType());
        if (entry instanceof VisualSampleEntry visual) {
            setup.append(' ').append(visual.getWidth()).append('x').append(visual.getHeight()).append('x').append(visual.getDepth());
        } else if (entry instanceof AudioSampleEntry audio) {
            setup.append(' ').append(audio.getSampleRate()).append('/').append(audio.getChannelCount()).append('/')
                    .append(audio.getSampleSize());
        } else {
            return setup.append(' ').append(bytes(entry)).toString();
        }
        for (Box box : ((AbstractSampleEntry) entry).getBoxes()) {
            if (!BIT_RATE_BOX.equals(box.getType())) {
                setup.append(' ').append(box.getType()).append(':').append(box instanceof ESDescriptorBox esds ? codec(esds) : bytes(box));
            }
        }
        return setup.toString();
    }

    /** The codec and its configuration from an {@code esds} box, without its bit rates and buffer size. */
    private static String codec(ESDescriptorBox esds) {
        DecoderConfigDescriptor config = esds.getEsDescriptor() == null ? null
                : esds.getEsDescriptor().getDecoderConfigDescriptor();
        if (config == null) {
            return bytes(esds);
        }
        AudioSpecificConfig audio = config.getAudioSpecificInfo();
        return config.getObjectTypeIndication() + "/" + config.getStreamType() + "/"
               + (audio == null || audio.getConfigBytes() == null ? "" : Base64.getEncoder().encodeToString(audio.getConfigBytes()));
    }

    private static String bytes(Box box) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            box.getBox(Channels.newChannel(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
