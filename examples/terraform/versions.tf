# acme-staging (account 111122223333) as Terraform: the same made-up account as examples/aws-config.
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = var.us_region
}

provider "aws" {
  alias  = "eu"
  region = var.eu_region
}
