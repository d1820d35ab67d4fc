package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryReferencingTest {
    private static Resource group(String id, String account, Map<String, Object> properties) {
        return new Resource("aws", "aws.ec2.security-group", id, id, account, "eu-west-1", Map.of(), properties, Map.of(), null, List.of());
    }

    @Test
    void findsTheResourcesOfATypeThatHoldAValueAnywhereInTheirPropertiesInTheSameAccount() {
        Resource app = group("sg-app", "1", Map.of("groupId", "sg-app", "ingress", List.of()));
        Resource db = group("sg-db", "1", Map.of("groupId", "sg-db", "ingress", List.of(Map.of("source", "sg-app", "fromPort", 5432L))));
        Resource elsewhere = group("sg-x", "2", Map.of("groupId", "sg-x", "ingress", List.of(Map.of("source", "sg-app"))));
        Resource vpc = new Resource("aws", "aws.ec2.vpc", "vpc-1", "vpc-1", "1", "eu-west-1", Map.of(), Map.of("note", "sg-app"), Map.of(), null,
                List.of());
        Inventory inventory = new Inventory(List.of(app, db, elsewhere, vpc));

        assertThat(inventory.referencing("1", "aws.ec2.security-group", "sg-app")).containsExactlyInAnyOrder(app, db);
        assertThat(inventory.referencing("1", "aws.ec2.security-group", "sg-db")).containsExactly(db);
        assertThat(inventory.referencing("1", "aws.ec2.security-group", "sg-none")).isEmpty();
        assertThat(inventory.referencing("2", "aws.ec2.security-group", "sg-app")).containsExactly(elsewhere);
    }

    @Test
    void aResourceWithUnknownPropertiesIsAlwaysACandidateSoTheRuleStaysUnknownRatherThanFailing() {
        Resource unread = new Resource("aws", "aws.ec2.security-group", "sg-unread", "sg-unread", "1", "eu-west-1", Map.of(),
                Map.of("groupId", "sg-unread"), Map.of("ingress", "could not be told"), null, List.of());
        Resource plain = group("sg-plain", "1", Map.of("groupId", "sg-plain", "ingress", List.of()));
        Inventory inventory = new Inventory(List.of(unread, plain));

        assertThat(inventory.referencing("1", "aws.ec2.security-group", "sg-app")).containsExactly(unread);
    }
}
