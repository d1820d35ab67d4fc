locals {
  prefix = "acme-${var.environment}"

  tags = {
    account     = local.prefix
    environment = var.environment
  }

  # IAM people: who gets a console password and which groups they are in.
  users = {
    "alice"     = { console = true, groups = ["engineers"] }
    "bob"       = { console = true, groups = [] }
    "ci-deploy" = { console = false, groups = [] }
    "carol"     = { console = true, groups = ["auditors"] }
  }

  eu_vpc_cidr = "10.30.0.0/16"

  eu_private_subnets = {
    a = { cidr = "10.30.1.0/24", az = "eu-west-1a" }
    b = { cidr = "10.30.2.0/24", az = "eu-west-1b" }
  }
}
