package dev.vigil.iac.cloudformation.aws.sns;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.sns.Topic;
import java.util.List;

/**
 * {@code AWS::SNS::Topic} to {@code aws.sns.topic}, with the {@code AWS::SNS::TopicPolicy} /
 * {@code TopicInlinePolicy} naming it. Without one, SNS's default policy lets only the owning
 * account act on the topic: no statement a rule could find open, so it reads as no statements.
 * Subscriptions are confirmed by their endpoints after deploy, so the counts are unknown when the
 * template subscribes anyone.
 */
public final class SnsMapper {
    private SnsMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::SNS::Topic")) topic(r, stack);
    }

    private static void topic(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "TopicName");
        a.unknown("arn", "the topic's ARN is known only after deploy");
        PolicyDocument policy = PolicyDocument.EMPTY;
        for (CfnResource p : stack.pointingAt(r, "AWS::SNS::TopicPolicy", "Topics")) policy = Stack.policy(p.properties().get("PolicyDocument"), a, "policy");
        for (CfnResource p : stack.pointingAt(r, "AWS::SNS::TopicInlinePolicy", "TopicArn")) policy = Stack.policy(p.properties().get("PolicyDocument"), a, "policy");
        int subscriptions = a.blocks("Subscription", "confirmedSubscriptions").size() + stack.pointingAt(r, "AWS::SNS::Subscription", "TopicArn").size();
        Long confirmed = 0L;
        Long pending = 0L;
        if (subscriptions > 0) {
            confirmed = null;
            pending = null;
            a.unknown("confirmedSubscriptions", "subscriptions are confirmed by their endpoints after deploy");
            a.unknown("pendingSubscriptions", "subscriptions are confirmed by their endpoints after deploy");
        }
        Topic t = new Topic(name, null, a.string("DisplayName", "displayName", ""), stack.idOf(a, "KmsMasterKeyId", "kmsMasterKeyId", ""),
                a.bool("FifoTopic", "fifo", false), confirmed, pending, policy);
        stack.add(r, AwsTypes.SNS_TOPIC, name, t, a.unknowns(), List.of());
    }
}
