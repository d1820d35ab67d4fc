# PLANTED: a customer key without automatic rotation.
resource "aws_kms_key" "legacy_exports" {
  description = "${local.prefix} legacy reporting exports"
  tags        = merge(local.tags, { team = "finance" })
}

# Compliant twin: rotation on.
resource "aws_kms_key" "eu_data" {
  provider = aws.eu

  description         = "${local.prefix} eu data key (EBS, RDS)"
  enable_key_rotation = true
  tags                = merge(local.tags, { team = "platform" })
}
