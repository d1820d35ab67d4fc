package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacPaths;
import dev.vigil.iac.Unresolved;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local modules are evaluated with their inputs, recursively; remote ones are named as gaps. */
class ModulesTest {
    @TempDir
    Path dir;

    private static final String BUCKET_MODULE = """
            variable "name" {}
            variable "versioned" { default = false }
            resource "aws_s3_bucket" "this" {
              bucket = var.name
            }
            resource "aws_s3_bucket_versioning" "this" {
              bucket = aws_s3_bucket.this.id
              versioning_configuration {
                status = var.versioned ? "Enabled" : "Suspended"
              }
            }
            output "name" { value = aws_s3_bucket.this.bucket }
            output "arn" { value = aws_s3_bucket.this.arn }
            """;

    @Test
    void aLocalModuleIsEvaluatedWithItsInputsUnderItsAddress() {
        TerraformModules.Result r = Tf.eval(dir,
                "infra/main.tf", """
                        module "logs" {
                          source    = "../modules/bucket"
                          name      = "acme-logs"
                          versioned = true
                        }
                        resource "aws_s3_bucket_policy" "p" {
                          bucket = module.logs.name
                          policy = module.logs.arn
                        }
                        """,
                "modules/bucket/main.tf", BUCKET_MODULE);
        assertThat(r.badFiles()).isEmpty();
        TfResource bucket = Tf.resource(r, "module.logs.aws_s3_bucket.this");
        assertThat(bucket.attributes()).containsEntry("bucket", "acme-logs");
        assertThat(bucket.source()).as("the root module is the source").isEqualTo(IacPaths.display(dir.resolve("infra")));
        assertThat(bucket.file()).endsWith("modules/bucket/main.tf");
        assertThat(Tf.attrs(r, "module.logs.aws_s3_bucket_versioning.this").get("versioning_configuration"))
                .asList().singleElement().isEqualTo(Map.of("status", "Enabled"));
        Map<String, Object> policy = Tf.attrs(r, "aws_s3_bucket_policy.p");
        assertThat(policy.get("bucket")).as("an output set in configuration is known").isEqualTo("acme-logs");
        assertThat(policy.get("policy")).isEqualTo(new Unresolved("module.logs.aws_s3_bucket.this.arn is known only after apply",
                "module.logs.aws_s3_bucket.this"));
        assertThat(r.resources()).as("the called module is not also a root of its own")
                .noneMatch(t -> t.address().equals("aws_s3_bucket.this"));
    }

    @Test
    void moduleCountAndForEachMakeKeyedModuleAddresses() {
        TerraformModules.Result r = Tf.eval(dir,
                "main.tf", """
                        module "b" {
                          source   = "./modules/bucket"
                          for_each = toset(["a", "b"])
                          name     = "logs-${each.key}"
                        }
                        module "c" {
                          source = "./modules/bucket"
                          count  = 1
                          name   = "counted"
                        }
                        output "names" { value = module.b["a"].name }
                        """,
                "modules/bucket/main.tf", BUCKET_MODULE);
        assertThat(Tf.attrs(r, "module.b[\"a\"].aws_s3_bucket.this")).containsEntry("bucket", "logs-a");
        assertThat(Tf.attrs(r, "module.b[\"b\"].aws_s3_bucket.this")).containsEntry("bucket", "logs-b");
        assertThat(Tf.attrs(r, "module.c[0].aws_s3_bucket.this")).containsEntry("bucket", "counted");
        Object refersTo = Tf.attrs(r, "module.b[\"a\"].aws_s3_bucket_versioning.this").get("bucket");
        assertThat(((Unresolved) refersTo).refersTo()).isEqualTo("module.b[\"a\"].aws_s3_bucket.this");
    }

    @Test
    void modulesNest() {
        TerraformModules.Result r = Tf.eval(dir,
                "main.tf", "module \"outer\" {\n  source = \"./outer\"\n  prefix = \"acme\"\n}\n",
                "outer/main.tf", "variable \"prefix\" {}\nmodule \"inner\" {\n  source = \"../modules/bucket\"\n  name = \"${var.prefix}-inner\"\n}\n",
                "modules/bucket/main.tf", BUCKET_MODULE);
        assertThat(Tf.attrs(r, "module.outer.module.inner.aws_s3_bucket.this")).containsEntry("bucket", "acme-inner");
    }

    @Test
    void aModuleInputWithoutValueIsUnresolvedAndNamesTheModule() {
        TerraformModules.Result r = Tf.eval(dir,
                "main.tf", "module \"m\" {\n  source = \"./modules/bucket\"\n}\n",
                "modules/bucket/main.tf", BUCKET_MODULE);
        assertThat(Tf.reason(Tf.attrs(r, "module.m.aws_s3_bucket.this").get("bucket"))).isEqualTo("module.m: var.name has no value (give it with --var or a .tfvars file)");
    }

    @Test
    void aRemoteModuleIsNotFetchedItsOutputsAreUnresolvedAndItIsAGap() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "5.0.0"
                }
                resource "aws_security_group" "sg" {
                  vpc_id = module.vpc.vpc_id
                }
                """);
        assertThat(Tf.reason(Tf.attrs(r, "aws_security_group.sg").get("vpc_id")))
                .isEqualTo("module.vpc comes from terraform-aws-modules/vpc/aws, which Vigil does not fetch");
        assertThat(r.gaps()).singleElement().satisfies(g -> {
            assertThat(g.reason()).contains("terraform-aws-modules/vpc/aws");
            assertThat(g.scope()).contains("module.vpc");
        });
        assertThat(r.badFiles()).isEmpty();
    }

    @Test
    void everyDirectoryNotCalledByAnotherIsARoot() {
        TerraformModules.Result r = Tf.eval(dir,
                "prod/main.tf", "module \"b\" {\n  source = \"../modules/bucket\"\n  name = \"prod\"\n}\n",
                "dev/main.tf", "module \"b\" {\n  source = \"../modules/bucket\"\n  name = \"dev\"\n}\n",
                "modules/bucket/main.tf", BUCKET_MODULE);
        assertThat(r.resources()).filteredOn(t -> t.type().equals("aws_s3_bucket"))
                .extracting(t -> t.source().substring(t.source().lastIndexOf('/') + 1) + "#" + t.attributes().get("bucket"))
                .containsExactlyInAnyOrder("prod#prod", "dev#dev");
    }

    @Test
    void whatTerraformInitDownloadedIsNotScanned() {
        TerraformModules.Result r = Tf.eval(dir,
                "main.tf", "resource \"aws_s3_bucket\" \"mine\" {\n  bucket = \"mine\"\n}\n",
                ".terraform/modules/vpc/main.tf", "resource \"aws_vpc\" \"theirs\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.mine");
    }
}
