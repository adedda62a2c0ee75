/**
 * fal.ai's queue protocol, shared by every component that reaches a model through fal: submit to
 * {@code queue.fal.run/{endpointId}}, follow the returned status and response URLs, read fal's error taxonomy.
 * A component's provider only builds the model's input and reads its output through {@link
 * io.github.camelvideo.core.protocol.fal.FalQueue}.
 */
package io.github.camelvideo.core.protocol.fal;
