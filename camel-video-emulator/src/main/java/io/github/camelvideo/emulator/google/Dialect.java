package io.github.camelvideo.emulator.google;

/** The two ways to reach Veo, which differ in auth, input shapes and some parameters. */
enum Dialect {
    /** The Gemini API ({@code generativelanguage.googleapis.com/v1beta}), API key. */
    GEMINI,
    /** Vertex AI ({@code aiplatform.googleapis.com/v1}), OAuth bearer token. */
    VERTEX
}
