# ---------------------------------------------------------------------------------------------
# People. bob (PLANTED): console password, policies attached to the user directly. ci-deploy
# (PLANTED): two active access keys, policies attached directly. alice: the compliant twin,
# permissions only through the engineers group.
# ---------------------------------------------------------------------------------------------
resource "aws_iam_user" "people" {
  for_each = local.users

  name = each.key
  path = "/"
  tags = local.tags
}

resource "aws_iam_user_login_profile" "console" {
  for_each = { for name, u in local.users : name => u if u.console }

  user = aws_iam_user.people[each.key].name
}

resource "aws_iam_user_group_membership" "people" {
  for_each = { for name, u in local.users : name => u if length(u.groups) > 0 }

  user   = aws_iam_user.people[each.key].name
  groups = each.value.groups

  depends_on = [aws_iam_group.engineers, aws_iam_group.auditors]
}

resource "aws_iam_access_key" "bob" {
  user = aws_iam_user.people["bob"].name
}

resource "aws_iam_access_key" "ci_deploy" {
  count = 2

  user = aws_iam_user.people["ci-deploy"].name
}

resource "aws_iam_user_policy" "bob_debug_ec2" {
  name = "bob-debug-ec2"
  user = aws_iam_user.people["bob"].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:Describe*", "ec2:GetConsoleOutput"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "bob_admin" {
  user       = aws_iam_user.people["bob"].name
  policy_arn = aws_iam_policy.admin_everything.arn
}

resource "aws_iam_user_policy_attachment" "ci_deploy_reports" {
  user       = aws_iam_user.people["ci-deploy"].name
  policy_arn = aws_iam_policy.read_reports.arn
}

resource "aws_iam_user_policy_attachment" "ci_deploy_cloudformation" {
  user       = aws_iam_user.people["ci-deploy"].name
  policy_arn = "arn:aws:iam::aws:policy/AWSCloudFormationFullAccess"
}

# ---------------------------------------------------------------------------------------------
# Groups.
# ---------------------------------------------------------------------------------------------
resource "aws_iam_group" "engineers" {
  name = "engineers"
}

resource "aws_iam_group_policy_attachment" "engineers_power_user" {
  group      = aws_iam_group.engineers.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_group_policy" "engineers_self_manage_mfa" {
  name  = "self-manage-mfa"
  group = aws_iam_group.engineers.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "ManageOwnMfa"
      Effect = "Allow"
      Action = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"]
      Resource = [
        "arn:aws:iam::${var.account_id}:mfa/$${aws:username}",
        "arn:aws:iam::${var.account_id}:user/$${aws:username}",
      ]
    }]
  })
}

resource "aws_iam_group" "auditors" {
  name = "auditors"
}

resource "aws_iam_group_policy_attachment" "auditors_security_audit" {
  group      = aws_iam_group.auditors.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}

# ---------------------------------------------------------------------------------------------
# Managed policies. PLANTED: acme-admin-everything allows * on *, and is attached (to bob).
# Twin: acme-read-reports reads one bucket.
# ---------------------------------------------------------------------------------------------
resource "aws_iam_policy" "admin_everything" {
  name = "${split("-", local.prefix)[0]}-admin-everything"
  path = "/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "BreakGlassEverything"
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "read_reports" {
  name = "${split("-", local.prefix)[0]}-read-reports"
  path = "/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadReports"
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::${local.prefix}-private-reports/*"
    }]
  })
}

# ---------------------------------------------------------------------------------------------
# Roles: the support role (the support-role control passes) and the app instances' role.
# ---------------------------------------------------------------------------------------------
resource "aws_iam_role" "support" {
  name = "AWSSupportRole"
  path = "/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "support" {
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}

resource "aws_iam_role" "app" {
  name = "app-instance-role"
  path = "/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each = {
    ssm     = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    reports = aws_iam_policy.read_reports.arn
  }

  role       = aws_iam_role.app.name
  policy_arn = each.value
}

resource "aws_iam_instance_profile" "app" {
  name = "app-instance-role"
  role = aws_iam_role.app.name
}
