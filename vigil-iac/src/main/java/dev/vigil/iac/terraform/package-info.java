/**
 * Terraform configurations into {@link dev.vigil.iac.terraform.TfResource}s, without Terraform.
 *
 * <p>Reading ({@code hcl}): {@code .tf} files through hcl4j's lexer only (its parser evaluates
 * {@code data "http"} over the network), rebuilt into our own expression trees; {@code .tf.json}
 * through Jackson's streaming parser. Each file is read once.
 *
 * <p>Evaluating ({@code eval}, {@link dev.vigil.iac.terraform.TerraformModules}): per root module
 * (a scanned directory no other scanned directory calls as a local module), variables (default,
 * {@code terraform.tfvars}, {@code *.auto.tfvars}, {@code --var-file}, {@code --var}), locals,
 * templates, operators, for expressions, splats, Terraform's common functions, static
 * {@code count}/{@code for_each}, {@code dynamic} blocks, local modules (addresses
 * {@code module.a["k"].type.name}), and {@code data "aws_iam_policy_document"} rendered to its JSON.
 *
 * <p>What cannot be known is {@link dev.vigil.iac.Unresolved}, never guessed: a variable without
 * value, an attribute the provider computes ({@code refersTo} names the resource instance), a data
 * source, a remote module (also a coverage gap), {@code count}/{@code for_each} that depend on those
 * (one instance at the bare address, with {@code count.index}/{@code each} unresolved). Bad input
 * (syntax errors, an unknown function, a missing local module, a malformed {@code vigil:ignore})
 * is a bad file naming file and line; the rest is still evaluated.
 *
 * <p>Provider knowledge (which attribute is a bucket's name, what an {@code id} equals) stays out of
 * this package: {@link dev.vigil.iac.terraform.TerraformAws} maps the instances.
 */
package dev.vigil.iac.terraform;
