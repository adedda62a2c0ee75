/**
 * Kie.ai's shared protocol pieces: the {@code code} envelope of every answer, its error codes mapped to the engine's
 * typed exceptions, the market task record and the optional HMAC signature of callbacks. Independent of the market
 * paths so that Kie's other APIs (Veo, uploads) read answers the same way.
 */
package io.github.camelvideo.core.protocol.kie;
