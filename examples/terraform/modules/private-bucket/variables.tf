variable "name" {
  type = string
}

variable "sse_algorithm" {
  description = "AES256 (SSE-S3) or aws:kms"
  type        = string
  default     = "AES256"
}

variable "kms_key_id" {
  description = "Key for aws:kms; null for SSE-S3"
  type        = string
  default     = null
}

variable "log_bucket" {
  description = "Where server access logs go; null for none"
  type        = string
  default     = null
}

variable "log_prefix" {
  type    = string
  default = ""
}

variable "lifecycle_rule_id" {
  type = string
}

variable "expiration_days" {
  description = "Days after which current objects expire; null to keep them"
  type        = number
  default     = null
}

variable "noncurrent_expiration_days" {
  description = "Days after which noncurrent versions expire; null to keep them"
  type        = number
  default     = null
}

variable "policy_json" {
  description = "The bucket policy"
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
