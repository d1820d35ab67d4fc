package dev.vigil.testkit.iac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic Terraform configuration of N {@code .tf} files for the IaC benchmark
 * ({@code bench/terraform-scan.sh}): a root module ({@code versions.tf}, {@code variables.tf},
 * {@code locals.tf}, {@code main.tf} calling every local module, {@code terraform.tfvars}) and
 * local modules under {@code modules/}, each with its {@code variables.tf} and resource files of 3
 * to 6 resources of the AWS types Vigil models: S3 buckets with their split resources, security
 * groups with inline and separate rules, IAM roles with {@code jsonencode} policies, instances, EBS
 * volumes, RDS instances, KMS keys, VPCs with flow logs and CloudTrail trails. Expressions use
 * variables, locals, {@code count}, {@code for_each}, {@code merge()}, {@code format()} and string
 * interpolation, as real code does; about a third of the resources are misconfigured, and a few
 * findings are accepted with {@code vigil:ignore} comments.
 *
 * <p>Deterministic: the same seed and file count give the same bytes. The output is valid HCL
 * laid out as {@code terraform fmt} lays it out.
 *
 * <p>Usage: {@code TerraformTree OUT_DIR [FILES]} (FILES defaults to 2000, at least 6).
 */
public final class TerraformTree {
    /** Root files: versions.tf, variables.tf, locals.tf, main.tf. */
    static final int ROOT_FILES = 4;
    /** Resource files per module, at most. */
    static final int FILES_PER_MODULE = 50;
    static final int MIN_FILES = ROOT_FILES + 2;
    private static final String[] DOMAINS = {"storage", "network", "identity", "compute", "data", "audit"};

    /** What was written. {@code resourceBlocks} counts {@code resource} blocks, before count and for_each expand them. */
    public record Stats(int files, int modules, int resourceBlocks, long bytes) {
    }

    private final Random random;
    private int resourceBlocks;

    public TerraformTree(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TerraformTree OUT_DIR [FILES]");
            System.exit(1);
        }
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Stats s = new TerraformTree(20261123L).write(Path.of(args[0]), files);
        System.err.println("wrote " + s.files() + " .tf files (" + s.modules() + " modules, " + s.resourceBlocks() + " resource blocks, "
                + s.bytes() / 1024 + " KiB) to " + args[0]);
    }

    /**
     * Writes the tree into {@code dir}, which must be absent or empty (a stale module left from an
     * earlier run would be scanned too).
     */
    public Stats write(Path dir, int files) throws IOException {
        if (files < MIN_FILES) throw new IllegalArgumentException("a tree needs at least " + MIN_FILES + " files, got " + files);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw new IllegalArgumentException(dir + " is not empty");
            }
        }
        Files.createDirectories(dir);
        resourceBlocks = 0;
        // every module has a variables.tf and at least one resource file
        int modules = Math.max(1, (files - ROOT_FILES + FILES_PER_MODULE) / (FILES_PER_MODULE + 1));
        int resourceFiles = files - ROOT_FILES - modules;
        List<String> names = new ArrayList<>();
        for (int m = 0; m < modules; m++) names.add(String.format("%s-%02d", DOMAINS[m % DOMAINS.length], m + 1));

        long bytes = 0;
        bytes += put(dir.resolve("versions.tf"), versions());
        bytes += put(dir.resolve("variables.tf"), rootVariables());
        bytes += put(dir.resolve("locals.tf"), rootLocals());
        bytes += put(dir.resolve("main.tf"), moduleCalls(names));
        bytes += put(dir.resolve("terraform.tfvars"), tfvars());
        int fileNo = 0;
        for (int m = 0; m < modules; m++) {
            Path mod = dir.resolve("modules").resolve(names.get(m));
            Files.createDirectories(mod);
            bytes += put(mod.resolve("variables.tf"), moduleVariables());
            // resource files spread evenly: the first modules take one more when it does not divide
            int mine = resourceFiles / modules + (m < resourceFiles % modules ? 1 : 0);
            String domain = DOMAINS[m % DOMAINS.length];
            for (int f = 0; f < mine; f++) {
                fileNo++;
                bytes += put(mod.resolve(String.format("%s_%05d.tf", domain, fileNo)), resourceFile(domain, fileNo));
            }
        }
        return new Stats(files, modules, resourceBlocks, bytes);
    }

    private static long put(Path file, String text) {
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, b);
            return b.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- root module -------------------------------------------------------------------------

    private static String versions() {
        return """
                terraform {
                  required_version = ">= 1.5.0"

                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.60"
                    }
                  }
                }

                provider "aws" {
                  region = var.region

                  default_tags {
                    tags = local.common_tags
                  }
                }
                """;
    }

    private static String rootVariables() {
        return """
                variable "region" {
                  description = "AWS region to deploy into."
                  type        = string
                  default     = "eu-west-1"
                }

                variable "project" {
                  description = "Short project name, used in every resource name."
                  type        = string
                }

                variable "environment" {
                  description = "Deployment stage: dev, staging or prod."
                  type        = string
                  default     = "dev"
                }

                variable "vpc_id" {
                  description = "The VPC the security groups belong to."
                  type        = string
                }

                variable "allowed_cidrs" {
                  description = "Networks allowed to reach the services."
                  type        = list(string)
                  default     = ["10.0.0.0/8"]
                }

                variable "instance_type" {
                  type    = string
                  default = "t3.micro"
                }

                variable "tags" {
                  type    = map(string)
                  default = {}
                }
                """;
    }

    private static String rootLocals() {
        return """
                locals {
                  name_prefix = format("%s-%s", var.project, var.environment)
                  is_prod     = var.environment == "prod"

                  common_tags = merge(var.tags, {
                    Project     = var.project
                    Environment = var.environment
                    ManagedBy   = "terraform"
                  })
                }
                """;
    }

    private static String moduleCalls(List<String> modules) {
        StringBuilder b = new StringBuilder();
        for (String m : modules) {
            if (!b.isEmpty()) b.append('\n');
            b.append("module \"").append(m.replace('-', '_')).append("\" {\n")
                    .append("  source = \"./modules/").append(m).append("\"\n\n")
                    .append("  name_prefix   = \"${local.name_prefix}-").append(m).append("\"\n")
                    .append("  region        = var.region\n")
                    .append("  vpc_id        = var.vpc_id\n")
                    .append("  allowed_cidrs = var.allowed_cidrs\n")
                    .append("  instance_type = local.is_prod ? \"m5.large\" : var.instance_type\n")
                    .append("  tags          = merge(local.common_tags, { Module = \"").append(m).append("\" })\n")
                    .append("}\n");
        }
        return b.toString();
    }

    private static String tfvars() {
        return """
                project       = "bench"
                environment   = "staging"
                region        = "eu-west-1"
                vpc_id        = "vpc-0a1b2c3d4e5f60718"
                allowed_cidrs = ["10.0.0.0/8", "192.168.0.0/16"]

                tags = {
                  CostCenter = "cc-1042"
                  Owner      = "platform-team"
                }
                """;
    }

    // ---- local modules -----------------------------------------------------------------------

    private static String moduleVariables() {
        return """
                variable "name_prefix" {
                  type = string
                }

                variable "region" {
                  type = string
                }

                variable "vpc_id" {
                  type = string
                }

                variable "allowed_cidrs" {
                  type = list(string)
                }

                variable "instance_type" {
                  type    = string
                  default = "t3.micro"
                }

                variable "tags" {
                  type    = map(string)
                  default = {}
                }
                """;
    }

    /** What a recipe may emit: a few related resources, at most {@code budget} blocks. */
    private interface Recipe {
        int emit(StringBuilder out, String id, int budget);
    }

    private String resourceFile(String domain, int fileNo) {
        int target = 3 + random.nextInt(4);
        StringBuilder out = new StringBuilder();
        String tag = String.format("f%05d", fileNo);
        if (random.nextInt(2) == 0) {
            out.append("locals {\n")
                    .append("  ").append(tag).append("_name = format(\"%s-%s\", var.name_prefix, \"").append(tag).append("\")\n")
                    .append("}\n");
        }
        int made = 0;
        char part = 'a';
        while (made < target) {
            Recipe recipe = pick(domain);
            if (!out.isEmpty()) out.append('\n');
            made += recipe.emit(out, tag + part++, target - made);
        }
        resourceBlocks += made;
        return out.toString();
    }

    /** Modules lean towards their domain, as real ones do, with other kinds mixed in. */
    private Recipe pick(String domain) {
        Recipe[] all = {this::bucket, this::securityGroup, this::role, this::instance, this::database, this::vpc, this::trail, this::volume,
                this::key};
        if (random.nextInt(3) > 0) {
            return switch (domain) {
                case "storage" -> random.nextBoolean() ? this::bucket : this::volume;
                case "network" -> random.nextBoolean() ? this::securityGroup : this::vpc;
                case "identity" -> this::role;
                case "compute" -> random.nextBoolean() ? this::instance : this::securityGroup;
                case "data" -> random.nextBoolean() ? this::database : this::key;
                default -> this::trail;
            };
        }
        return all[random.nextInt(all.length)];
    }

    private boolean bad() {
        return random.nextInt(3) == 0;
    }

    private int bucket(StringBuilder out, String id, int budget) {
        String r = "data_" + id;
        // some findings are accepted in the code, as teams do: the scan reports them suppressed
        if (random.nextInt(10) == 0) {
            out.append("# vigil:ignore=aws-s3-bucket-access-logging access is logged by CloudTrail data events exp:2099-12-31\n");
        }
        out.append("resource \"aws_s3_bucket\" \"").append(r).append("\" {\n")
                .append("  bucket = format(\"%s-data-%s\", var.name_prefix, \"").append(id).append("\")\n\n")
                .append("  tags = merge(var.tags, {\n")
                .append("    DataClass = \"").append(random.nextBoolean() ? "internal" : "confidential").append("\"\n")
                .append("  })\n")
                .append("}\n");
        int made = 1;
        if (made < budget) {
            made++;
            out.append("\nresource \"aws_s3_bucket_public_access_block\" \"").append(r).append("\" {\n")
                    .append("  bucket = aws_s3_bucket.").append(r).append(".id\n\n");
            boolean open = bad();
            out.append("  block_public_acls       = ").append(!open).append('\n')
                    .append("  block_public_policy     = ").append(!open).append('\n')
                    .append("  ignore_public_acls      = true\n")
                    .append("  restrict_public_buckets = ").append(!open).append('\n')
                    .append("}\n");
        }
        if (made < budget) {
            made++;
            out.append("\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"").append(r).append("\" {\n")
                    .append("  bucket = aws_s3_bucket.").append(r).append(".id\n\n")
                    .append("  rule {\n")
                    .append("    apply_server_side_encryption_by_default {\n")
                    .append("      sse_algorithm = \"").append(bad() ? "AES256" : "aws:kms").append("\"\n")
                    .append("    }\n")
                    .append("  }\n")
                    .append("}\n");
        }
        if (made < budget && random.nextBoolean()) {
            made++;
            out.append("\nresource \"aws_s3_bucket_versioning\" \"").append(r).append("\" {\n")
                    .append("  bucket = aws_s3_bucket.").append(r).append(".id\n\n")
                    .append("  versioning_configuration {\n")
                    .append("    status = \"").append(bad() ? "Suspended" : "Enabled").append("\"\n")
                    .append("  }\n")
                    .append("}\n");
        }
        if (made < budget && random.nextBoolean()) {
            made++;
            out.append("\nresource \"aws_s3_bucket_logging\" \"").append(r).append("\" {\n")
                    .append("  bucket        = aws_s3_bucket.").append(r).append(".id\n")
                    .append("  target_bucket = \"${var.name_prefix}-access-logs\"\n")
                    .append("  target_prefix = \"").append(r).append("/\"\n")
                    .append("}\n");
        }
        return made;
    }

    private int securityGroup(StringBuilder out, String id, int budget) {
        String r = "web_" + id;
        int port = random.nextBoolean() ? 443 : 8443;
        out.append("resource \"aws_security_group\" \"").append(r).append("\" {\n")
                .append("  name        = \"${var.name_prefix}-web-").append(id).append("\"\n")
                .append("  description = \"Web tier ").append(id).append("\"\n")
                .append("  vpc_id      = var.vpc_id\n\n")
                .append("  ingress {\n")
                .append("    description = \"HTTPS\"\n")
                .append("    from_port   = ").append(port).append('\n')
                .append("    to_port     = ").append(port).append('\n')
                .append("    protocol    = \"tcp\"\n")
                .append("    cidr_blocks = ").append(bad() ? "[\"0.0.0.0/0\"]" : "var.allowed_cidrs").append('\n')
                .append("  }\n\n")
                .append("  egress {\n")
                .append("    from_port   = 0\n")
                .append("    to_port     = 0\n")
                .append("    protocol    = \"-1\"\n")
                .append("    cidr_blocks = [\"0.0.0.0/0\"]\n")
                .append("  }\n\n")
                .append("  tags = merge(var.tags, { Name = \"web-").append(id).append("\" })\n")
                .append("}\n");
        if (budget < 2) return 1;
        boolean open = bad();
        out.append("\nresource \"aws_security_group_rule\" \"admin_").append(id).append("\" {\n");
        if (open && random.nextInt(4) == 0) {
            out.append("  # vigil:ignore=aws-ec2-security-group-no-ssh-from-internet bastion host, reviewed quarterly\n");
        }
        out.append("  count = length(var.allowed_cidrs) > 0 ? 1 : 0\n\n")
                .append("  type              = \"ingress\"\n")
                .append("  description       = \"SSH for operators\"\n")
                .append("  from_port         = 22\n")
                .append("  to_port           = 22\n")
                .append("  protocol          = \"tcp\"\n")
                .append("  cidr_blocks       = ").append(open ? "[\"0.0.0.0/0\"]" : "var.allowed_cidrs").append('\n')
                .append("  security_group_id = aws_security_group.").append(r).append(".id\n")
                .append("}\n");
        return 2;
    }

    private int role(StringBuilder out, String id, int budget) {
        String r = "app_" + id;
        out.append("resource \"aws_iam_role\" \"").append(r).append("\" {\n")
                .append("  name = \"${var.name_prefix}-app-").append(id).append("\"\n\n")
                .append("  assume_role_policy = jsonencode({\n")
                .append("    Version = \"2012-10-17\"\n")
                .append("    Statement = [{\n")
                .append("      Effect    = \"Allow\"\n")
                .append("      Principal = { Service = \"ec2.amazonaws.com\" }\n")
                .append("      Action    = \"sts:AssumeRole\"\n")
                .append("    }]\n")
                .append("  })\n\n")
                .append("  tags = var.tags\n")
                .append("}\n");
        if (budget < 2) return 1;
        boolean admin = bad();
        out.append("\nresource \"aws_iam_role_policy\" \"").append(r).append("\" {\n")
                .append("  name = \"read-data\"\n")
                .append("  role = aws_iam_role.").append(r).append(".id\n\n")
                .append("  policy = jsonencode({\n")
                .append("    Version = \"2012-10-17\"\n")
                .append("    Statement = [\n")
                .append("      {\n")
                .append("        Effect   = \"Allow\"\n")
                .append("        Action   = ").append(admin ? "\"*\"" : "[\"s3:GetObject\", \"s3:ListBucket\"]").append('\n')
                .append("        Resource = ").append(admin ? "\"*\"" : "\"arn:aws:s3:::${var.name_prefix}-data-*\"").append('\n')
                .append("      },\n")
                .append("    ]\n")
                .append("  })\n")
                .append("}\n");
        return 2;
    }

    private int instance(StringBuilder out, String id, int budget) {
        int count = 1 + random.nextInt(3);
        out.append("resource \"aws_instance\" \"app_").append(id).append("\" {\n")
                .append("  count = ").append(count).append("\n\n")
                .append("  ami                         = \"ami-0c55b159cbfafe1f0\"\n")
                .append("  instance_type               = var.instance_type\n")
                .append("  associate_public_ip_address = ").append(bad()).append("\n\n")
                .append("  metadata_options {\n")
                .append("    http_endpoint = \"enabled\"\n")
                .append("    http_tokens   = \"").append(bad() ? "optional" : "required").append("\"\n")
                .append("  }\n\n")
                .append("  root_block_device {\n")
                .append("    volume_size = 20\n")
                .append("    encrypted   = ").append(!bad()).append('\n')
                .append("  }\n\n")
                .append("  tags = merge(var.tags, { Name = format(\"app-%s-%d\", \"").append(id).append("\", count.index) })\n")
                .append("}\n");
        return 1;
    }

    private int volume(StringBuilder out, String id, int budget) {
        out.append("resource \"aws_ebs_volume\" \"data_").append(id).append("\" {\n")
                .append("  for_each = toset([\"a\", \"b\"])\n\n")
                .append("  availability_zone = \"${var.region}${each.key}\"\n")
                .append("  size              = ").append(10 * (1 + random.nextInt(10))).append('\n')
                .append("  type              = \"gp3\"\n")
                .append("  encrypted         = ").append(!bad()).append("\n\n")
                .append("  tags = merge(var.tags, { Name = \"data-").append(id).append("-${each.key}\" })\n")
                .append("}\n");
        return 1;
    }

    private int key(StringBuilder out, String id, int budget) {
        keyBlock(out, "main_" + id, "Data key " + id);
        return 1;
    }

    private void keyBlock(StringBuilder out, String name, String description) {
        out.append("resource \"aws_kms_key\" \"").append(name).append("\" {\n")
                .append("  description             = \"").append(description).append("\"\n")
                .append("  enable_key_rotation     = ").append(!bad()).append('\n')
                .append("  deletion_window_in_days = 30\n")
                .append("  tags                    = var.tags\n")
                .append("}\n");
    }

    private int database(StringBuilder out, String id, int budget) {
        boolean withKey = budget >= 2;
        if (withKey) {
            keyBlock(out, "db_" + id, "RDS key " + id);
            out.append('\n');
        }
        boolean open = bad();
        out.append("resource \"aws_db_instance\" \"db_").append(id).append("\" {\n")
                .append("  identifier     = \"${var.name_prefix}-db-").append(id).append("\"\n")
                .append("  engine         = \"postgres\"\n")
                .append("  engine_version = \"16.3\"\n")
                .append("  instance_class = \"db.t3.medium\"\n\n")
                .append("  allocated_storage           = 20\n")
                .append("  username                    = \"app\"\n")
                .append("  manage_master_user_password = true\n")
                .append("  storage_encrypted           = ").append(!open).append('\n');
        if (withKey) out.append("  kms_key_id                  = aws_kms_key.db_").append(id).append(".arn\n");
        out.append("  publicly_accessible         = ").append(open).append('\n')
                .append("  backup_retention_period     = ").append(open ? 0 : 7).append('\n')
                .append("  multi_az                    = var.instance_type != \"t3.micro\"\n")
                .append("  deletion_protection         = true\n")
                .append("  skip_final_snapshot         = true\n\n")
                .append("  tags = var.tags\n")
                .append("}\n");
        return withKey ? 2 : 1;
    }

    private int vpc(StringBuilder out, String id, int budget) {
        int octet = random.nextInt(250);
        out.append("resource \"aws_vpc\" \"net_").append(id).append("\" {\n")
                .append("  cidr_block           = \"10.").append(octet).append(".0.0/16\"\n")
                .append("  enable_dns_hostnames = true\n\n")
                .append("  tags = merge(var.tags, { Name = \"${var.name_prefix}-net-").append(id).append("\" })\n")
                .append("}\n");
        if (budget < 2 || bad()) return 1; // a VPC without flow logs is one of the misconfigurations
        out.append("\nresource \"aws_flow_log\" \"net_").append(id).append("\" {\n")
                .append("  vpc_id               = aws_vpc.net_").append(id).append(".id\n")
                .append("  traffic_type         = \"ALL\"\n")
                .append("  log_destination_type = \"s3\"\n")
                .append("  log_destination      = \"arn:aws:s3:::${var.name_prefix}-flow-logs\"\n")
                .append("}\n");
        return 2;
    }

    private int trail(StringBuilder out, String id, int budget) {
        boolean withKey = budget >= 2 && !bad();
        if (withKey) {
            keyBlock(out, "trail_" + id, "CloudTrail key " + id);
            out.append('\n');
        }
        out.append("resource \"aws_cloudtrail\" \"trail_").append(id).append("\" {\n")
                .append("  name                          = \"${var.name_prefix}-trail-").append(id).append("\"\n")
                .append("  s3_bucket_name                = \"${var.name_prefix}-trail-logs\"\n")
                .append("  is_multi_region_trail         = ").append(!bad()).append('\n')
                .append("  include_global_service_events = true\n")
                .append("  enable_log_file_validation    = ").append(!bad()).append('\n');
        if (withKey) out.append("  kms_key_id                    = aws_kms_key.trail_").append(id).append(".arn\n");
        out.append("}\n");
        return withKey ? 2 : 1;
    }
}
