# PLANTED: IMDSv1 allowed, a public IP, no instance profile, an unencrypted root volume.
resource "aws_instance" "bastion" {
  ami                         = var.bastion_ami
  instance_type               = "t4g.micro"
  key_name                    = "${local.prefix}-ops"
  subnet_id                   = aws_subnet.us_public_a.id
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.bastion_ssh_open.id]

  metadata_options {
    http_tokens                 = "optional"
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 1
  }

  root_block_device {
    volume_size = 8
    volume_type = "gp3"
    encrypted   = false
  }

  tags = merge(local.tags, { Name = "bastion", team = "platform" })
}

# Compliant twin: IMDSv2 required, private subnet, instance profile, root volume encrypted with
# the eu customer key.
resource "aws_instance" "app_1" {
  provider = aws.eu

  ami                    = var.app_ami
  instance_type          = "m7g.large"
  subnet_id              = aws_subnet.eu_private["a"].id
  vpc_security_group_ids = [aws_security_group.app_tier.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name

  metadata_options {
    http_tokens                 = "required"
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_size = 30
    volume_type = "gp3"
    encrypted   = true
    kms_key_id  = aws_kms_key.eu_data.arn
  }

  tags = merge(local.tags, { Name = "app-1", team = "orders" })
}
