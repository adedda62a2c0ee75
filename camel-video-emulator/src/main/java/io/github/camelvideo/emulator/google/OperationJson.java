package io.github.camelvideo.emulator.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.emulator.core.JobFate;

/** The parts of a google.longrunning.Operation both surfaces share. */
final class OperationJson {

    /** google.rpc.Code INTERNAL, used when a failure's code is not numeric. */
    static final int INTERNAL = 13;

    private OperationJson() {
    }

    /** {@code {"name": ...}}: a running operation (Veo reports no progress). */
    static Map<String, Object> running(VeoOperation op) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", op.name());
        return json;
    }

    /** {@code {"name","done":true}}, to which the caller adds {@code response} or {@code error}. */
    static Map<String, Object> done(VeoOperation op) {
        Map<String, Object> json = running(op);
        json.put("done", true);
        return json;
    }

    /** A failed operation: {@code error} is a google.rpc.Status with an integer code. */
    static Map<String, Object> failed(VeoOperation op) {
        Map<String, Object> json = done(op);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", rpcCode(op.fate()));
        error.put("message", op.fate().errorMessage());
        json.put("error", error);
        return json;
    }

    /** The safety-filter fields: every sample filtered, with the fault's reasons. */
    static Map<String, Object> filtered(VeoOperation op, Map<String, Object> into) {
        into.put("raiMediaFilteredCount", op.samples());
        into.put("raiMediaFilteredReasons", List.copyOf(op.fate().filterReasons()));
        return into;
    }

    /** The integer code of a failure: the fault's code when numeric, else INTERNAL. */
    static int rpcCode(JobFate fate) {
        try {
            return Integer.parseInt(fate.errorCode().trim());
        } catch (NumberFormatException e) {
            return INTERNAL;
        }
    }
}
