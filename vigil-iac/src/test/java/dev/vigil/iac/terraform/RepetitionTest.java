package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.Unresolved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** count, for_each and dynamic blocks expand as Terraform expands them when their values are known. */
class RepetitionTest {
    @TempDir
    Path dir;

    @Test
    void countMakesNumberedInstances() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "b" {
                  count  = 2
                  bucket = "logs-${count.index}"
                }
                """);
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]");
        assertThat(Tf.attrs(r, "aws_s3_bucket.b[1]")).containsEntry("bucket", "logs-1").doesNotContainKey("count");
    }

    @Test
    void countZeroMakesNone() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                variable "enabled" { default = false }
                resource "aws_s3_bucket" "b" {
                  count  = var.enabled ? 1 : 0
                  bucket = "x"
                }
                """);
        assertThat(r.resources()).isEmpty();
    }

    @Test
    void forEachOverAMapOrASetMakesKeyedInstances() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "m" {
                  for_each = { eu = "eu-west-1", us = "us-east-1" }
                  bucket   = "logs-${each.key}"
                  region   = each.value
                }
                resource "aws_s3_bucket" "s" {
                  for_each = toset(["b", "a"])
                  bucket   = each.value
                }
                """);
        assertThat(Tf.attrs(r, "aws_s3_bucket.m[\"eu\"]")).containsEntry("bucket", "logs-eu").containsEntry("region", "eu-west-1");
        assertThat(Tf.attrs(r, "aws_s3_bucket.m[\"us\"]")).containsEntry("region", "us-east-1");
        assertThat(r.resources()).extracting(TfResource::address).contains("aws_s3_bucket.s[\"a\"]", "aws_s3_bucket.s[\"b\"]");
    }

    @Test
    void anUnknownCountGivesOneInstanceWhoseCountDependentValuesAreUnresolved() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                variable "n" { type = number }
                resource "aws_s3_bucket" "b" {
                  count         = var.n
                  bucket        = "logs-${count.index}"
                  force_destroy = true
                }
                """);
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.b");
        Map<String, Object> a = Tf.attrs(r, "aws_s3_bucket.b");
        assertThat(Tf.reason(a.get("bucket"))).contains("count of aws_s3_bucket.b is not known statically").contains("var.n has no value");
        assertThat(a.get("force_destroy")).isEqualTo(true);
    }

    @Test
    void anUnknownForEachLikewise() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                variable "names" {}
                resource "aws_s3_bucket" "b" {
                  for_each = var.names
                  bucket   = each.key
                  acl      = "private"
                }
                """);
        Map<String, Object> a = Tf.attrs(r, "aws_s3_bucket.b");
        assertThat(a.get("bucket")).isInstanceOf(Unresolved.class);
        assertThat(a.get("acl")).isEqualTo("private");
    }

    @Test
    void nestedBlocksAreListsOfMapsEvenWhenSingle() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket_lifecycle_configuration" "l" {
                  bucket = "b"
                  rule {
                    id = "one"
                    filter { prefix = "logs/" }
                  }
                  rule {
                    id = "two"
                  }
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """);
        Map<String, Object> a = Tf.attrs(r, "aws_s3_bucket_lifecycle_configuration.l");
        assertThat(a.get("rule")).isEqualTo(List.of(Map.of("id", "one", "filter", List.of(Map.of("prefix", "logs/"))), Map.of("id", "two")));
        assertThat(a).as("lifecycle is Terraform's, not the resource's").doesNotContainKey("lifecycle");
    }

    @Test
    void dynamicBlocksExpandIntoNestedBlocks() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                locals {
                  ports = [22, 443]
                }
                resource "aws_security_group" "sg" {
                  name = "web"
                  ingress {
                    from_port = 80
                  }
                  dynamic "ingress" {
                    for_each = local.ports
                    content {
                      from_port   = ingress.value
                      cidr_blocks = ["0.0.0.0/0"]
                    }
                  }
                  dynamic "egress" {
                    for_each = { all = -1 }
                    iterator = rule
                    content {
                      protocol = rule.value
                      name     = rule.key
                    }
                  }
                }
                """);
        Map<String, Object> a = Tf.attrs(r, "aws_security_group.sg");
        assertThat(a.get("ingress")).isEqualTo(List.of(
                Map.of("from_port", 80L),
                Map.of("from_port", 22L, "cidr_blocks", List.of("0.0.0.0/0")),
                Map.of("from_port", 443L, "cidr_blocks", List.of("0.0.0.0/0"))));
        assertThat(a.get("egress")).isEqualTo(List.of(Map.of("protocol", -1L, "name", "all")));
    }

    @Test
    void aDynamicBlockOverAnUnknownCollectionIsAnUnresolvedBlock() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                variable "rules" {}
                resource "aws_security_group" "sg" {
                  dynamic "ingress" {
                    for_each = var.rules
                    content {
                      from_port = ingress.value.port
                    }
                  }
                }
                """);
        Object ingress = Tf.attrs(r, "aws_security_group.sg").get("ingress");
        assertThat(ingress).asList().singleElement().isInstanceOf(Unresolved.class);
    }

    @Test
    void aHugeCountIsNotExpanded() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  count = 1000000000\n  bucket = \"b-${count.index}\"\n}\n");
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.b");
        assertThat(Tf.reason(Tf.attrs(r, "aws_s3_bucket.b").get("bucket"))).contains("more instances than Vigil expands");
    }
}
