# ---------------------------------------------------------------------------------------------
# Public marketing assets: no Block Public Access, a policy that lets anyone read, no logging,
# no versioning. PLANTED: public bucket.
# ---------------------------------------------------------------------------------------------
resource "aws_s3_bucket" "public_assets" {
  bucket = "${local.prefix}-public-assets"
  tags   = merge(local.tags, { team = "web", purpose = "marketing-site-assets" })
}

resource "aws_s3_bucket_ownership_controls" "public_assets" {
  bucket = aws_s3_bucket.public_assets.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "public_assets" {
  bucket = aws_s3_bucket.public_assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicReadForWebsite"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::${local.prefix}-public-assets/*"
    }]
  })
}

# ---------------------------------------------------------------------------------------------
# Private reports: the compliant twin of the public bucket. All four switches on, SSE-KMS,
# logging to the access-log bucket, versioning, a lifecycle rule and a TLS-only policy.
# ---------------------------------------------------------------------------------------------
data "aws_iam_policy_document" "private_reports" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      "arn:aws:s3:::${local.prefix}-private-reports",
      "arn:aws:s3:::${local.prefix}-private-reports/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

module "private_reports" {
  source = "./modules/private-bucket"

  name                       = "${local.prefix}-private-reports"
  sse_algorithm              = "aws:kms"
  kms_key_id                 = "alias/aws/s3"
  log_bucket                 = aws_s3_bucket.access_logs.bucket
  log_prefix                 = "s3/${local.prefix}-private-reports/"
  lifecycle_rule_id          = "expire-noncurrent-after-90-days"
  noncurrent_expiration_days = 90
  policy_json                = data.aws_iam_policy_document.private_reports.json
  tags                       = merge(local.tags, { team = "finance", "data:classification" = "confidential" })
}

# ---------------------------------------------------------------------------------------------
# CloudTrail logs: private, but PLANTED: no server access logging and no deny for insecure
# transport in its policy.
# ---------------------------------------------------------------------------------------------
module "cloudtrail_logs" {
  source = "./modules/private-bucket"

  name              = "${local.prefix}-cloudtrail-logs"
  lifecycle_rule_id = "archive-then-expire"
  expiration_days   = 730
  tags              = merge(local.tags, { team = "security", purpose = "cloudtrail" })
  policy_json = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AWSCloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = "arn:aws:s3:::${local.prefix}-cloudtrail-logs"
        Condition = { StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:${var.us_region}:${var.account_id}:trail/${local.prefix}-trail" } }
      },
      {
        Sid       = "AWSCloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.prefix}-cloudtrail-logs/trail/AWSLogs/${var.account_id}/*"
        Condition = {
          StringEquals = {
            "s3:x-amz-acl"  = "bucket-owner-full-control"
            "aws:SourceArn" = "arn:aws:cloudtrail:${var.us_region}:${var.account_id}:trail/${local.prefix}-trail"
          }
        }
      },
    ]
  })
}

# ---------------------------------------------------------------------------------------------
# Access logs: the compliant twin of the CloudTrail bucket. Logs to itself under self/, TLS only.
# SSE-S3, because server access log delivery does not support SSE-KMS.
# ---------------------------------------------------------------------------------------------
resource "aws_s3_bucket" "access_logs" {
  bucket = "${local.prefix}-access-logs"
  tags   = merge(local.tags, { team = "security", purpose = "s3-access-logs" })
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  # vigil:ignore=aws-s3-bucket-kms-encryption server access log delivery only supports SSE-S3
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "access_logs" {
  bucket        = aws_s3_bucket.access_logs.id
  target_bucket = aws_s3_bucket.access_logs.bucket
  target_prefix = "self/"
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "expire-after-400-days"
    status = "Enabled"

    filter {}

    expiration {
      days = 400
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "S3ServerAccessLogsPolicy"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.prefix}-access-logs/*"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::${local.prefix}-access-logs", "arn:aws:s3:::${local.prefix}-access-logs/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

# ---------------------------------------------------------------------------------------------
# eu-west-1 legacy downloads: the ACL grants AllUsers READ, but all four Block Public Access
# switches are on, so the bucket is NOT public. Incidental: no logging, no TLS-only policy,
# versioning suspended.
# ---------------------------------------------------------------------------------------------
resource "aws_s3_bucket" "eu_legacy_downloads" {
  provider = aws.eu

  bucket = "${local.prefix}-eu-legacy-downloads"
  tags   = merge(local.tags, { team = "web", purpose = "legacy-download-mirror" })
}

resource "aws_s3_bucket_ownership_controls" "eu_legacy_downloads" {
  provider = aws.eu

  bucket = aws_s3_bucket.eu_legacy_downloads.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "eu_legacy_downloads" {
  provider = aws.eu

  bucket = aws_s3_bucket.eu_legacy_downloads.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "eu_legacy_downloads" {
  provider = aws.eu

  bucket                  = aws_s3_bucket.eu_legacy_downloads.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "eu_legacy_downloads" {
  provider = aws.eu

  bucket = aws_s3_bucket.eu_legacy_downloads.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "eu_legacy_downloads" {
  provider = aws.eu

  bucket = aws_s3_bucket.eu_legacy_downloads.id
  versioning_configuration {
    status = "Suspended"
  }
}

# Account-level Block Public Access. PLANTED: block_public_policy is off.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = true
}
