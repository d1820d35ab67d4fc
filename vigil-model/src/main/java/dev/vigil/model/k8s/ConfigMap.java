package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("A ConfigMap: only its keys are kept, never its values")
public record ConfigMap(String name, String namespace, Map<String, String> annotations,
                        @Doc("Keys of data and binaryData") List<String> keys,
                        @Doc("The data cannot change after creation (false when unset)") Boolean immutable) {
}
