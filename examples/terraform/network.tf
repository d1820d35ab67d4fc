# ---------------------------------------------------------------------------------------------
# us-east-1: VPC acme-staging-us. PLANTED: no flow log.
# ---------------------------------------------------------------------------------------------
resource "aws_vpc" "us" {
  cidr_block = "10.20.0.0/16"
  tags       = merge(local.tags, { Name = "${local.prefix}-us" })
}

resource "aws_subnet" "us_public_a" {
  vpc_id                  = aws_vpc.us.id
  cidr_block              = "10.20.0.0/24"
  availability_zone       = "us-east-1a"
  map_public_ip_on_launch = true
  tags                    = merge(local.tags, { Name = "${local.prefix}-us-public-a" })
}

# The default network ACL, adopted. PLANTED: ingress rule 100 allows every protocol from anywhere,
# so SSH (22) and RDP (3389) are open.
resource "aws_default_network_acl" "us" {
  default_network_acl_id = aws_vpc.us.default_network_acl_id
  subnet_ids             = [aws_subnet.us_public_a.id]

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

# The default security group, adopted. PLANTED: it keeps AWS's rules (all traffic from itself,
# all traffic out).
resource "aws_default_security_group" "us" {
  vpc_id = aws_vpc.us.id

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# PLANTED: SSH from the whole internet.
resource "aws_security_group" "bastion_ssh_open" {
  # vigil:ignore=aws-ec2-security-group-no-ssh-from-internet temporary while the VPN is rebuilt exp:2026-09-30
  name        = "bastion-ssh-open"
  description = "SSH to bastion from anywhere (temporary)"
  vpc_id      = aws_vpc.us.id
  tags        = merge(local.tags, { Name = "bastion-ssh-open", team = "platform" })

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# PLANTED: RDP from every IPv6 address. Rules as separate resources, the provider's current style.
resource "aws_security_group" "windows_rdp_ipv6_open" {
  name        = "windows-rdp-ipv6-open"
  description = "RDP to Windows build hosts over IPv6"
  vpc_id      = aws_vpc.us.id
  tags        = merge(local.tags, { Name = "windows-rdp-ipv6-open", team = "build" })
}

resource "aws_vpc_security_group_ingress_rule" "windows_rdp_ipv6" {
  security_group_id = aws_security_group.windows_rdp_ipv6_open.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_egress_rule" "windows_rdp_all_out" {
  security_group_id = aws_security_group.windows_rdp_ipv6_open.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# PLANTED: all protocols from anywhere (covers every admin port). Used by legacy-reporting-db.
resource "aws_security_group" "legacy_allow_all" {
  name        = "legacy-allow-all"
  description = "Legacy reporting - allow all (TODO tighten)"
  vpc_id      = aws_vpc.us.id
  tags        = merge(local.tags, { Name = "legacy-allow-all", team = "finance" })
}

resource "aws_security_group_rule" "legacy_all_in" {
  type              = "ingress"
  security_group_id = aws_security_group.legacy_allow_all.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "legacy_all_out" {
  type              = "egress"
  security_group_id = aws_security_group.legacy_allow_all.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

# Compliant twin of bastion-ssh-open: HTTPS from anywhere, SSH only from the corporate network.
resource "aws_security_group" "web" {
  name        = "web"
  description = "HTTPS from the internet, SSH from the corporate network only"
  vpc_id      = aws_vpc.us.id
  tags        = merge(local.tags, { Name = "web", team = "web" })

  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.corporate_cidr]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# ---------------------------------------------------------------------------------------------
# eu-west-1: VPC acme-staging-eu, the compliant twin: an ACTIVE flow log of all traffic.
# ---------------------------------------------------------------------------------------------
resource "aws_vpc" "eu" {
  provider = aws.eu

  cidr_block = local.eu_vpc_cidr
  tags       = merge(local.tags, { Name = "${local.prefix}-eu" })
}

resource "aws_cloudwatch_log_group" "flow_logs_eu" {
  provider = aws.eu

  name              = "/${local.prefix}/vpc-flow-logs/eu"
  retention_in_days = 365
}

resource "aws_flow_log" "eu" {
  provider = aws.eu

  vpc_id               = aws_vpc.eu.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow_logs_eu.arn
  iam_role_arn         = var.flow_logs_role_arn
}

resource "aws_subnet" "eu_private" {
  provider = aws.eu
  for_each = local.eu_private_subnets

  vpc_id            = aws_vpc.eu.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags              = merge(local.tags, { Name = "${local.prefix}-eu-private-${each.key}" })
}

# Compliant twin of the us default ACL: HTTPS from anywhere and the VPC's own range, nothing else.
resource "aws_network_acl" "orders_private" {
  provider = aws.eu

  vpc_id     = aws_vpc.eu.id
  subnet_ids = [for s in aws_subnet.eu_private : s.id]
  tags       = merge(local.tags, { Name = "orders-private" })

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = local.eu_vpc_cidr
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

# Compliant twin of the us default group: no rules at all.
resource "aws_default_security_group" "eu" {
  provider = aws.eu

  vpc_id = aws_vpc.eu.id
}

resource "aws_security_group" "ops_jump" {
  provider = aws.eu

  name        = "ops-jump"
  description = "Operators' jump host (Session Manager only, no inbound)"
  vpc_id      = aws_vpc.eu.id
  tags        = merge(local.tags, { Name = "ops-jump", team = "platform" })
}

resource "aws_vpc_security_group_egress_rule" "ops_jump_https" {
  provider = aws.eu

  security_group_id = aws_security_group.ops_jump.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "ops_jump_ssh_to_app" {
  provider = aws.eu

  security_group_id            = aws_security_group.ops_jump.id
  ip_protocol                  = "tcp"
  from_port                    = 22
  to_port                      = 22
  referenced_security_group_id = aws_security_group.app_tier.id
}

# Compliant twin of windows-rdp-ipv6-open: SSH only from the ops-jump group.
resource "aws_security_group" "app_tier" {
  provider = aws.eu

  name        = "app-tier"
  description = "orders app: SSH only from the ops-jump group"
  vpc_id      = aws_vpc.eu.id
  tags        = merge(local.tags, { Name = "app-tier", team = "orders" })

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_tier_ssh_from_jump" {
  provider = aws.eu

  security_group_id            = aws_security_group.app_tier.id
  ip_protocol                  = "tcp"
  from_port                    = 22
  to_port                      = 22
  referenced_security_group_id = aws_security_group.ops_jump.id
}

# Compliant twin of legacy-allow-all: PostgreSQL (on 6432) from app-tier only.
resource "aws_security_group" "orders_db" {
  provider = aws.eu

  name        = "orders-db"
  description = "PostgreSQL from app-tier only"
  vpc_id      = aws_vpc.eu.id
  tags        = merge(local.tags, { Name = "orders-db", team = "orders" })

  ingress {
    from_port       = 6432
    to_port         = 6432
    protocol        = "tcp"
    security_groups = [aws_security_group.app_tier.id]
  }
}
