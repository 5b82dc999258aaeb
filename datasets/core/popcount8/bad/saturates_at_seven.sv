module TopModule(input [7:0] in, output reg [3:0] count);
  integer i;
  always @* begin
    count = 4'd0;
    for (i = 0; i < 8; i = i + 1)
      count = count + in[i];
    count = {1'b0, count[2:0]};   // 3-bit accumulator: 8 wraps to 0
  end
endmodule
