environment    = "staging"
corporate_cidr = "10.0.0.0/8"
