package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

/**
 * Anything that runs pods, with its pod spec normalized: a Pod's own spec, the pod template of a
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or Job, the job template's
 * pod template of a CronJob.
 *
 * <p>Kubernetes defaults are written out: a manifest that leaves a field unset gets the value the
 * API server or kubelet would use, so absence never reads as a setting nobody made. Where no
 * default exists (a UID the image decides), the field is absent and its {@code @Doc} says so.
 */
@Doc("A Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob, with its pod spec normalized "
        + "and Kubernetes defaults written out. A value written as a template expression ({{ .Values.x }}) is absent and unknown.")
public record Workload(
        @Doc("Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob") String kind,
        String name,
        @Doc("The namespace; default when the manifest names none") String namespace,
        @Doc("The object's own annotations") Map<String, String> annotations,
        @Doc("Labels of the pods it runs (the pod template's; a Pod's own)") Map<String, String> podLabels,
        @Doc("Annotations of the pods it runs (the pod template's; a Pod's own)") Map<String, String> podAnnotations,
        @Doc("Every container of the pod: app containers, then init containers, then ephemeral containers (see Container.kind). "
                + "Rules over 'every container' read this one list.") List<Container> containers,
        @Doc("The pod uses the node's network namespace (false when unset)") Boolean hostNetwork,
        @Doc("The pod sees the node's process ids (false when unset)") Boolean hostPID,
        @Doc("The pod shares the node's IPC namespace (false when unset)") Boolean hostIPC,
        @Doc("The pod-level security context as written (the containers' securityContext holds the effective values)")
        PodSecurityContext securityContext,
        List<Volume> volumes,
        @Doc("The service account the pods run as; 'default' when unset") String serviceAccountName,
        @Doc("Whether the pod mounts its service account token. Absent (and unknown) when the pod does not say: "
                + "the service account decides, and Kubernetes mounts the token unless one of them says false")
        Boolean automountServiceAccountToken) {

    /**
     * One container with its effective security settings.
     *
     * @param kind {@code container}, {@code init} or {@code ephemeral}
     */
    @Doc("A container of the pod with its effective security settings")
    public record Container(
            String name,
            @Doc("container (an app container), init or ephemeral") String kind,
            @Doc("The image reference as written, e.g. registry.example.com:5000/team/app:1.4.2@sha256:...") String image,
            @Doc("The tag of the image reference; empty when it has none (the registry then serves 'latest')") String imageTag,
            @Doc("The digest of the image reference (sha256:...); empty when it is not pinned by digest") String imageDigest,
            @Doc("Always, IfNotPresent or Never; Kubernetes' default when unset: Always for a 'latest' tag or a reference with neither tag "
                    + "nor digest, IfNotPresent otherwise")
            String imagePullPolicy,
            SecurityContext securityContext,
            @Doc("Resource requests and limits, e.g. {cpu: 250m, memory: 128Mi}; empty maps when unset") Resources resources,
            List<Port> ports,
            @Doc("A liveness probe is configured") Boolean livenessProbe,
            @Doc("A readiness probe is configured") Boolean readinessProbe) {
    }

    /**
     * A container's effective security context: its own settings, else the pod's for the fields
     * the pod can set, else Kubernetes' default.
     */
    @Doc("A container's effective security context: its own value, else the pod's (for the fields a pod can set), else Kubernetes' default")
    public record SecurityContext(
            @Doc("Runs with the node's full privileges (false when unset)") Boolean privileged,
            @Doc("A process may gain more privileges than its parent (setuid binaries, no_new_privs unset). Kubernetes' default is "
                    + "true: only an explicit false turns it off, and a privileged container always may") Boolean allowPrivilegeEscalation,
            @Doc("The kubelet refuses to start the container as UID 0 (false when neither the container nor the pod sets it: "
                    + "the container may run as root)") Boolean runAsNonRoot,
            @Doc("The UID the container runs as; absent when neither the container nor the pod sets it (the image's USER decides, "
                    + "root when it has none)") Long runAsUser,
            @Doc("The GID the container runs as; absent when neither the container nor the pod sets it") Long runAsGroup,
            @Doc("The root filesystem is mounted read-only (false when unset)") Boolean readOnlyRootFilesystem,
            @Doc("Linux capabilities added to and dropped from the runtime's default set (empty lists when unset)") Capabilities capabilities,
            @Doc("RuntimeDefault, Localhost or Unconfined; empty when neither the container nor the pod sets one (the kubelet's default "
                    + "applies, Unconfined unless the node enables seccompDefault)") String seccompProfile) {
    }

    @Doc("Linux capabilities as written, e.g. add: [NET_ADMIN], drop: [ALL]")
    public record Capabilities(List<String> add, List<String> drop) {
    }

    @Doc("Resource requests and limits by resource name (cpu, memory, ephemeral-storage, ...), quantities as written")
    public record Resources(Map<String, String> requests, Map<String, String> limits) {
    }

    @Doc("A container port")
    public record Port(
            String name,
            Long containerPort,
            @Doc("The port bound on the node; 0 when none") Long hostPort,
            @Doc("TCP (the default), UDP or SCTP") String protocol) {
    }

    @Doc("The pod-level security context as written (fields absent when unset, booleans false)")
    public record PodSecurityContext(
            Boolean runAsNonRoot,
            Long runAsUser,
            Long runAsGroup,
            Long fsGroup,
            @Doc("RuntimeDefault, Localhost or Unconfined; empty when unset") String seccompProfile) {
    }

    /** A volume of the pod; {@code type} is its source's field name in the pod spec. */
    @Doc("A volume of the pod")
    public record Volume(
            String name,
            @Doc("The volume source: hostPath, emptyDir, configMap, secret, persistentVolumeClaim, projected, ... (the field name in the pod spec)")
            String type,
            @Doc("The node path a hostPath volume mounts; empty for other types") String hostPath,
            @Doc("The Secret, ConfigMap or PersistentVolumeClaim it refers to; empty for other types") String source) {
    }
}
