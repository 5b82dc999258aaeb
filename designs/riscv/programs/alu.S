# alu.S: register-register ALU operations (RV32I OP) with signed/unsigned corner values
# and shift amounts that use only the low 5 bits of rs2.
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

  li gp, 1
  add a0, s1, s3
  li t0, 0x80000004
  bne a0, t0, fail
  li gp, 2
  sub a0, s3, s4
  li t0, 12
  bne a0, t0, fail
  li gp, 3
  sub a0, s0, s3
  li t0, 0x7ffffffb
  bne a0, t0, fail
  li gp, 4
  slt a0, s4, s3
  li t0, 1
  bne a0, t0, fail
  li gp, 5
  sltu a0, s4, s3
  bne a0, zero, fail
  li gp, 6
  slt a0, s0, s1
  li t0, 1
  bne a0, t0, fail
  li gp, 7
  sltu a0, s0, s1
  bne a0, zero, fail
  li gp, 8
  slt a0, s3, s3
  bne a0, zero, fail
  li gp, 9
  xor a0, s2, s3
  li t0, 0xfffffffa
  bne a0, t0, fail
  li gp, 10
  or a0, s0, s3
  li t0, 0x80000005
  bne a0, t0, fail
  li gp, 11
  and a0, s4, s1
  li t0, 0x7ffffff9
  bne a0, t0, fail
  li gp, 12
  sll a0, s3, s3
  li t0, 160
  bne a0, t0, fail
  li gp, 13
  li t1, 33
  sll a0, s3, t1
  li t0, 10
  bne a0, t0, fail
  li gp, 14
  srl a0, s0, t1
  li t0, 0x40000000
  bne a0, t0, fail
  li gp, 15
  sra a0, s0, t1
  li t0, 0xc0000000
  bne a0, t0, fail
  li gp, 16
  li t1, 31
  sra a0, s0, t1
  bne a0, s2, fail
  li gp, 17
  srl a0, s2, t1
  li t0, 1
  bne a0, t0, fail
  li gp, 18
  li t1, -28
  srl a0, s2, t1
  li t0, 0x0fffffff
  bne a0, t0, fail
  li gp, 19
  li t1, 35
  sra a0, s0, t1
  li t0, 0xf0000000
  bne a0, t0, fail
  li gp, 20
  sub a0, zero, s0
  bne a0, s0, fail
  li gp, 21
  slt a0, s1, s0
  bne a0, zero, fail
  li gp, 22
  sltu a0, s1, s0
  li t0, 1
  bne a0, t0, fail
  li gp, 23
  sll a0, s2, t1
  li t0, 0xfffffff8
  bne a0, t0, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
