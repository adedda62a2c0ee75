package io.github.camelvideo.core.spi;

import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.media.ImageInput;

/**
 * A provider capability: stores an input image given as bytes at the provider (or its file service) and says the URL
 * its create calls take, for protocols whose requests name images by URL only.
 */
public interface ImageUpload {

    /**
     * Uploads an image, named after its real media type.
     *
     * @return the URL a create call can name the image by
     */
    CompletionStage<String> upload(ImageInput image);
}
