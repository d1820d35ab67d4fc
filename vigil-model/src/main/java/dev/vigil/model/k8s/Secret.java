package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;

/** Metadata only: a scan must never copy a secret's value into reports, stores or logs. */
@Doc("A Secret: its type and key names only. Values are never read into Vigil")
public record Secret(String name, String namespace,
                     @Doc("Opaque (the default), kubernetes.io/tls, kubernetes.io/dockerconfigjson, kubernetes.io/service-account-token, ...")
                     String type,
                     @Doc("Keys of data and stringData") List<String> keys,
                     @Doc("The data cannot change after creation (false when unset)") Boolean immutable) {
}
