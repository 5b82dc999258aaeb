# muldiv.S: the M extension: MUL/MULH/MULHSU/MULHU signedness, DIV/DIVU/REM/REMU rounding,
# divide by zero (quotient all ones, remainder = dividend) and signed overflow
# (-2^31 / -1 = -2^31, remainder 0), plus dependent back-to-back M instructions.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x80000000
  li s1, 0x7fffffff
  li s2, -1
  li s3, 5
  li s4, -7
  li s5, 20
  li s6, 3

  li gp, 1
  li t1, -3
  li t2, 7
  mul a0, t2, t1
  li t0, -21
  bne a0, t0, fail
  li gp, 2
  mul a0, s0, s2
  bne a0, s0, fail
  li gp, 3
  mulh a0, s0, s0
  li t0, 0x40000000
  bne a0, t0, fail
  li gp, 4
  mulh a0, s2, s2
  bne a0, zero, fail
  li gp, 5
  mulh a0, s4, s3
  bne a0, s2, fail
  li gp, 6
  mulhu a0, s2, s2
  li t0, 0xfffffffe
  bne a0, t0, fail
  li gp, 7
  mulhsu a0, s2, s2
  bne a0, s2, fail
  li gp, 8
  mulhsu a0, s3, s2
  li t0, 4
  bne a0, t0, fail
  li gp, 9
  li t1, 2
  mulhsu a0, s0, t1
  bne a0, s2, fail
  li gp, 10
  mulhu a0, s0, t1
  li t0, 1
  bne a0, t0, fail
  li gp, 11
  li t1, -3
  div a0, s5, t1
  li t0, -6
  bne a0, t0, fail
  rem a0, s5, t1
  li t0, 2
  bne a0, t0, fail
  li gp, 12
  neg t2, s5
  div a0, t2, s6
  li t0, -6
  bne a0, t0, fail
  rem a0, t2, s6
  li t0, -2
  bne a0, t0, fail
  li gp, 13
  divu a0, s5, s6
  li t0, 6
  bne a0, t0, fail
  remu a0, s5, s6
  li t0, 2
  bne a0, t0, fail
  li gp, 14
  li t1, 2
  divu a0, s2, t1
  bne a0, s1, fail
  remu a0, s2, t1
  li t0, 1
  bne a0, t0, fail
  li gp, 15
  div a0, s3, zero
  bne a0, s2, fail
  divu a0, s3, zero
  bne a0, s2, fail
  div a0, s4, zero
  bne a0, s2, fail
  li gp, 16
  rem a0, s3, zero
  bne a0, s3, fail
  rem a0, s4, zero
  bne a0, s4, fail
  li t1, 0xfffffff0
  remu a0, t1, zero
  bne a0, t1, fail
  li gp, 17
  div a0, s0, s2
  bne a0, s0, fail
  rem a0, s0, s2
  bne a0, zero, fail
  li gp, 18
  li t1, 1
  div a0, s0, t1
  bne a0, s0, fail
  li t1, 2
  div a0, s0, t1
  li t0, 0xc0000000
  bne a0, t0, fail
  rem a0, s0, t1
  bne a0, zero, fail
  div a0, s0, s0
  li t0, 1
  bne a0, t0, fail
  divu a0, s0, s0
  bne a0, t0, fail
  li gp, 19
  li t1, 7
  div a0, t1, t1
  li t0, 1
  bne a0, t0, fail
  li t2, 3
  div a0, t2, t1
  bne a0, zero, fail
  rem a0, t2, t1
  bne a0, t2, fail
  div a0, s2, s1
  bne a0, zero, fail
  rem a0, s2, s1
  bne a0, s2, fail
  li gp, 20
  li t1, 12345
  li t2, 678
  mul a0, t1, t2
  div a1, a0, t2
  bne a1, t1, fail
  rem a2, a0, t1
  bne a2, zero, fail
  mulhu a3, a0, a0
  li t0, 0x3fb7
  bne a3, t0, fail
  li gp, 21
  li t1, 0x12345678
  li t2, 0x9abcdef0
  mulh a0, t1, t2
  li t0, 0xf8cc93d6
  bne a0, t0, fail
  mulhu a0, t1, t2
  li t0, 0x0b00ea4e
  bne a0, t0, fail
  mulhsu a0, t2, t1
  li t0, 0xf8cc93d6
  bne a0, t0, fail
  mul a0, t1, t2
  li t0, 0x242d2080
  bne a0, t0, fail
  li gp, 22
  divu a0, s0, s3
  li t0, 0x19999999
  bne a0, t0, fail
  remu a0, s0, s3
  li t0, 3
  bne a0, t0, fail
  div a0, s0, s3
  li t0, 0xe6666667
  bne a0, t0, fail
  rem a0, s0, s3
  li t0, -3
  bne a0, t0, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
