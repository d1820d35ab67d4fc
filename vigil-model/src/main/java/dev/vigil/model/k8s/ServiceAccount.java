package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("A ServiceAccount: the identity pods run as")
public record ServiceAccount(
        String name,
        String namespace,
        Map<String, String> annotations,
        @Doc("Pods using it mount its API token unless they say otherwise; true when unset (Kubernetes' default)")
        Boolean automountServiceAccountToken,
        @Doc("Names of the image pull secrets it provides to pods") List<String> imagePullSecrets) {
}
