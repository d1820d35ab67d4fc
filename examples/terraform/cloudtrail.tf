resource "aws_cloudwatch_log_group" "trail" {
  name              = "aws-cloudtrail-logs-${local.prefix}"
  retention_in_days = 365
}

# The account's only trail. PLANTED: single-region, no log file validation, no KMS encryption.
# It does send to CloudWatch Logs.
resource "aws_cloudtrail" "main" {
  name                          = "${local.prefix}-trail"
  s3_bucket_name                = module.cloudtrail_logs.id
  s3_key_prefix                 = "trail"
  include_global_service_events = true
  is_multi_region_trail         = false
  enable_log_file_validation    = false
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = var.trail_to_logs_role_arn

  tags = merge(local.tags, { team = "security" })
}
