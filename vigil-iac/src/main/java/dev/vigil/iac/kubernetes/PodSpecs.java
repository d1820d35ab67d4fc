package dev.vigil.iac.kubernetes;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.k8s.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload's pod spec, normalized: where the pod template sits for each kind, the containers of
 * every sort in one list, and each container's effective security context (its own setting, else
 * the pod's, else Kubernetes' default).
 */
final class PodSpecs {
    static final String CONTAINERS = "containers";
    /** How the unknown reason of a pod that leaves token mounting to its service account starts ({@link ObjectLinks} settles it). */
    static final String TOKEN_LEFT_TO_ACCOUNT = "the pod does not set automountServiceAccountToken";
    private static final String SC = "containers.securityContext.";

    private PodSpecs() {
    }

    static Workload workload(ManifestObject o, Attrs root) {
        Attrs metadata = root.block("metadata", "annotations");
        Attrs template = switch (o.kind()) {
            case "Pod" -> root;
            case "CronJob" -> root.block("spec", CONTAINERS).block("jobTemplate", CONTAINERS).block("spec", CONTAINERS)
                    .block("template", CONTAINERS);
            default -> root.block("spec", CONTAINERS).block("template", CONTAINERS);
        };
        Attrs podMeta = Values.block(template, "metadata", "podLabels");
        if (podMeta == null) template.unknown("podAnnotations", "the pod template's metadata is a template expression");
        Attrs spec = template.block("spec", CONTAINERS);
        Attrs podSc = Values.block(spec, "securityContext", "securityContext");

        List<Workload.Container> containers = new ArrayList<>();
        for (Attrs c : spec.blocks("containers", CONTAINERS)) containers.add(container(c, "container", podSc));
        for (Attrs c : spec.blocks("initContainers", CONTAINERS)) containers.add(container(c, "init", podSc));
        for (Attrs c : spec.blocks("ephemeralContainers", CONTAINERS)) containers.add(container(c, "ephemeral", podSc));

        List<Workload.Volume> volumes = new ArrayList<>();
        for (Attrs v : spec.blocks("volumes", "volumes")) volumes.add(volume(v));

        String serviceAccount = spec.string("serviceAccountName", "serviceAccountName", spec.string("serviceAccount", "serviceAccountName",
                "default"));
        Boolean automount = spec.bool("automountServiceAccountToken", "automountServiceAccountToken");
        if (!spec.has("automountServiceAccountToken")) {
            spec.unknown("automountServiceAccountToken", TOKEN_LEFT_TO_ACCOUNT + ": its service account '"
                    + serviceAccount + "' decides (Kubernetes mounts the token unless one of them says false)");
        }
        var podSecurityContext = podSc == null ? null : new Workload.PodSecurityContext(
                podSc.bool("runAsNonRoot", "securityContext.runAsNonRoot", false), podSc.number("runAsUser", "securityContext.runAsUser"),
                podSc.number("runAsGroup", "securityContext.runAsGroup"), podSc.number("fsGroup", "securityContext.fsGroup"),
                seccomp(podSc, "securityContext.seccompProfile"));
        return new Workload(o.kind(), o.name(), o.namespace(), Values.stringMap(metadata, "annotations", "annotations"),
                podMeta == null ? null : Values.stringMap(podMeta, "labels", "podLabels"),
                podMeta == null ? null : Values.stringMap(podMeta, "annotations", "podAnnotations"), containers,
                spec.bool("hostNetwork", "hostNetwork", false), spec.bool("hostPID", "hostPID", false), spec.bool("hostIPC", "hostIPC", false),
                podSecurityContext, volumes, serviceAccount, automount);
    }

    /** One container. {@code podSc} is {@code null} when the pod's security context is a template expression. */
    private static Workload.Container container(Attrs c, String kind, Attrs podSc) {
        String image = c.string("image", "containers.image", "");
        Image ref = Image.parse(image == null ? "" : image);
        Attrs sc = Values.block(c, "securityContext", "containers.securityContext");
        Attrs res = Values.block(c, "resources", "containers.resources");
        var resources = res == null ? null : new Workload.Resources(Values.stringMap(res, "requests", "containers.resources.requests"),
                Values.stringMap(res, "limits", "containers.resources.limits"));
        List<Workload.Port> ports = new ArrayList<>();
        for (Attrs p : c.blocks("ports", "containers.ports")) {
            ports.add(new Workload.Port(p.string("name", "containers.ports.name", ""), p.number("containerPort", "containers.ports.containerPort"),
                    p.has("hostPort") ? p.number("hostPort", "containers.ports.hostPort") : Long.valueOf(0),
                    p.string("protocol", "containers.ports.protocol", "TCP")));
        }
        if (image == null && c.unresolved("image")) {
            // what the reference pins, and the pull policy that defaults from it, are as unknown as the reference
            String reason = ((Unresolved) c.raw("image")).reason();
            c.unknown("containers.imageTag", reason);
            c.unknown("containers.imageDigest", reason);
            if (!c.has("imagePullPolicy")) c.unknown("containers.imagePullPolicy", reason);
        }
        String pullPolicy = image == null && !c.has("imagePullPolicy") ? null
                : c.string("imagePullPolicy", "containers.imagePullPolicy", ref.mutable() ? "Always" : "IfNotPresent");
        return new Workload.Container(c.string("name", "containers.name", ""), kind, image, image == null ? null : ref.tag(),
                image == null ? null : ref.digest(), pullPolicy, sc == null ? null : securityContext(sc, podSc), resources, ports,
                present(c, "livenessProbe"), present(c, "readinessProbe"));
    }

    /**
     * The effective security context. No default stands in for a value a template expression hides:
     * what the container or the pod left unknown stays unknown (absent).
     */
    private static Workload.SecurityContext securityContext(Attrs sc, Attrs podSc) {
        Attrs caps = Values.block(sc, "capabilities", SC + "capabilities");
        List<String> add = caps == null ? null : Values.strings(caps, "add", SC + "capabilities.add");
        List<String> drop = caps == null ? null : Values.strings(caps, "drop", SC + "capabilities.drop");
        Boolean privileged = sc.bool("privileged", SC + "privileged", false);
        boolean sysAdmin = add != null && add.stream().anyMatch(x -> x.equals("SYS_ADMIN") || x.equals("CAP_SYS_ADMIN") || x.equals("ALL"));
        // Kubernetes: privilege escalation is always allowed to a privileged container or one with CAP_SYS_ADMIN
        // (the API server refuses allowPrivilegeEscalation: false beside either)
        Boolean escalation = Boolean.TRUE.equals(privileged) || sysAdmin ? Boolean.TRUE
                : sc.bool("allowPrivilegeEscalation", SC + "allowPrivilegeEscalation", true);
        String seccomp = sc.has("seccompProfile") ? seccomp(sc, SC + "seccompProfile") : inherited(podSc, "seccompProfile")
                ? seccomp(podSc, SC + "seccompProfile") : podSc == null ? unknownFromPod(sc, "seccompProfile") : "";
        return new Workload.SecurityContext(privileged, escalation, effectiveBool(sc, podSc, "runAsNonRoot", false),
                effectiveNumber(sc, podSc, "runAsUser"), effectiveNumber(sc, podSc, "runAsGroup"),
                sc.bool("readOnlyRootFilesystem", SC + "readOnlyRootFilesystem", false), caps == null ? null : new Workload.Capabilities(add, drop),
                seccomp);
    }

    private static Boolean present(Attrs c, String key) {
        if (c.unresolved(key)) {
            c.unknown("containers." + key, ((Unresolved) c.raw(key)).reason());
            return null;
        }
        return c.has(key);
    }

    private static boolean inherited(Attrs podSc, String key) {
        return podSc != null && podSc.raw(key) != null;
    }

    /** Records that a field the container leaves to the pod is unknown because the pod's security context is; returns null. */
    private static <T> T unknownFromPod(Attrs sc, String key) {
        sc.unknown(SC + key, "the container does not set " + key + " and the pod's securityContext is a template expression");
        return null;
    }

    /** The container's own value when it sets one, else the pod's, else {@code fallback}. */
    private static Boolean effectiveBool(Attrs sc, Attrs podSc, String key, boolean fallback) {
        if (sc.raw(key) != null) return sc.bool(key, SC + key);
        if (podSc == null) return unknownFromPod(sc, key);
        if (podSc.raw(key) != null) return podSc.bool(key, SC + key);
        return fallback;
    }

    /** The container's own value when it sets one, else the pod's, else {@code null} (absent: the image decides). */
    private static Long effectiveNumber(Attrs sc, Attrs podSc, String key) {
        if (sc.raw(key) != null) return sc.number(key, SC + key);
        if (podSc == null) return unknownFromPod(sc, key);
        if (podSc.raw(key) != null) return podSc.number(key, SC + key);
        return null;
    }

    /** The seccomp profile type of a security context: empty when unset, {@code null} (and unknown) when a template expression. */
    private static String seccomp(Attrs sc, String target) {
        if (sc.raw("seccompProfile") == null) return "";
        Attrs profile = Values.block(sc, "seccompProfile", target);
        return profile == null ? null : profile.string("type", target, "");
    }

    private static Workload.Volume volume(Attrs v) {
        String type = v.tree().keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse("");
        Attrs src = v.block(type, "volumes");
        String source = switch (type) {
            case "secret" -> src.string("secretName", "volumes.source", "");
            case "configMap" -> src.string("name", "volumes.source", "");
            case "persistentVolumeClaim" -> src.string("claimName", "volumes.source", "");
            default -> "";
        };
        String hostPath = type.equals("hostPath") ? src.string("path", "volumes.hostPath", "") : "";
        return new Workload.Volume(v.string("name", "volumes.name", ""), type, hostPath, source);
    }

    /**
     * An image reference split into its parts: {@code [registry[:port]/]path[:tag][@digest]}. The
     * tag is after the last colon of the last path segment, so a registry port is not a tag.
     */
    record Image(String tag, String digest) {
        static Image parse(String ref) {
            String digest = "";
            int at = ref.indexOf('@');
            if (at >= 0) {
                digest = ref.substring(at + 1);
                ref = ref.substring(0, at);
            }
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            String tag = colon > slash ? ref.substring(colon + 1) : "";
            return new Image(tag, digest);
        }

        /** Kubernetes' imagePullPolicy default is Always for a 'latest' tag, or no tag and no digest (the registry's latest). */
        boolean mutable() {
            return tag.equals("latest") || (tag.isEmpty() && digest.isEmpty());
        }
    }
}
