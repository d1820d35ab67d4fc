# PLANTED: publicly accessible, storage not encrypted, minor version upgrades off, no backups.
# (Incidental: single-AZ, no deletion protection, no IAM authentication, no log exports, admin
# user "admin", default port.)
resource "aws_db_instance" "legacy_reporting" {
  identifier                  = "legacy-reporting-db"
  engine                      = "mysql"
  engine_version              = "8.0.35"
  instance_class              = "db.t3.medium"
  allocated_storage           = 100
  storage_type                = "gp3"
  username                    = "admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.legacy_public.name
  vpc_security_group_ids      = [aws_security_group.legacy_allow_all.id]

  publicly_accessible        = true
  storage_encrypted          = false
  auto_minor_version_upgrade = false
  backup_retention_period    = 0
  skip_final_snapshot        = true

  tags = merge(local.tags, { team = "finance", Name = "legacy-reporting-db" })
}

resource "aws_db_subnet_group" "legacy_public" {
  name       = "legacy-public"
  subnet_ids = [aws_subnet.us_public_a.id]
}

resource "aws_db_subnet_group" "orders" {
  provider = aws.eu

  name       = "orders-private"
  subnet_ids = [for s in aws_subnet.eu_private : s.id]
}

# Compliant twin.
resource "aws_db_instance" "orders" {
  provider = aws.eu

  identifier                  = "orders-db"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_type                = "gp3"
  port                        = 6432
  username                    = "orders_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.orders.name
  vpc_security_group_ids      = [aws_security_group.orders_db.id]

  multi_az                            = true
  publicly_accessible                 = false
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.eu_data.arn
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  backup_retention_period             = 7
  monitoring_interval                 = 60
  monitoring_role_arn                 = var.rds_monitoring_role_arn
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  copy_tags_to_snapshot               = true
  auto_minor_version_upgrade          = true

  tags = merge(local.tags, { team = "orders", Name = "orders-db" })
}
