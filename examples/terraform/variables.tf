variable "environment" {
  description = "Environment name, part of every resource name"
  type        = string
  default     = "dev"
}

variable "account_id" {
  description = "The AWS account the configuration deploys to"
  type        = string
  default     = "111122223333"
}

variable "us_region" {
  type    = string
  default = "us-east-1"
}

variable "eu_region" {
  type    = string
  default = "eu-west-1"
}

variable "corporate_cidr" {
  description = "The corporate network, the only source allowed to SSH to the web hosts"
  type        = string
  default     = "10.0.0.0/8"
}

variable "bastion_ami" {
  type    = string
  default = "ami-0c7d1e5f3a9b28e46"
}

variable "app_ami" {
  type    = string
  default = "ami-04f8e2c6a1b3d5e79"
}

variable "flow_logs_role_arn" {
  description = "Role VPC flow logs use to write to CloudWatch Logs (managed by the platform stack)"
  type        = string
  default     = "arn:aws:iam::111122223333:role/vpc-flow-logs-delivery"
}

variable "rds_monitoring_role_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:role/rds-monitoring-role"
}

variable "trail_to_logs_role_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:role/service-role/acme-staging-cloudtrail-to-cwl"
}
